//! Samverkan: the collaboration structure between a Swedish region and the
//! municipalities of its county, offline in the browser.
//!
//! The pure core (`model`, `seed`, `search`) knows nothing of the browser;
//! `storage` is the browser edge; `app`, `pages` and `components` are the UI.
//! See ARCHITECTURE.md.

pub mod calendar;
pub mod diagram;
pub mod exchange;
pub mod format;
pub mod i18n;
pub mod journal;
pub mod model;
pub mod rules;
pub mod search;
pub mod seed;
pub mod storage;

pub mod app;
pub mod browser;
pub mod components;
pub mod download;
pub mod pages;
pub mod repo;
pub mod routes;
pub mod signing;
