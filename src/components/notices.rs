use leptos::prelude::*;

use crate::i18n::{t, tf, Text};
use crate::repo::{DataNotice, Repo};

fn message(notice: &DataNotice) -> String {
    match notice {
        DataNotice::SetAside(set_aside) => match &set_aside.kept_as {
            Some(key) => tf(Text::NoticeSetAsideKept, &[&set_aside.reason, key]),
            None => tf(Text::NoticeSetAsideLeft, &[&set_aside.reason]),
        },
        DataNotice::StorageUnavailable(reason) => reason.clone(),
        DataNotice::SaveFailed(reason) => tf(Text::NoticeSaveFailed, &[reason]),
        DataNotice::SeedBroken(reason) => reason.clone(),
        DataNotice::StorageNearlyFull => t(Text::SaveAtRiskStorageFull).to_owned(),
    }
}

/// Messages about the state of the user's data, until dismissed.
#[component]
pub fn DataNotices() -> impl IntoView {
    let repo = Repo::expect_context();
    let notices = repo.notices();
    move || {
        notices
            .get()
            .iter()
            .enumerate()
            .map(|(index, notice)| {
                let dismiss = move |_| repo.dismiss_notice(index);
                view! {
                    <div class="notice" role="alert">
                        <p>{message(notice)}</p>
                        <button type="button" on:click=dismiss>{t(Text::Close)}</button>
                    </div>
                }
            })
            .collect_view()
    }
}
