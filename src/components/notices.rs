use leptos::prelude::*;

use crate::repo::{DataNotice, Repo};

fn message(notice: &DataNotice) -> String {
    match notice {
        DataNotice::SetAside(set_aside) => match &set_aside.kept_as {
            Some(key) => format!(
                "{} Den sparade datan har lagts undan orörd (nyckel {key}) och den inbyggda datan visas.",
                set_aside.reason
            ),
            None => format!(
                "{} Den sparade datan ligger kvar orörd; ändringar sparas inte förrän den tagits om hand.",
                set_aside.reason
            ),
        },
        DataNotice::StorageUnavailable(reason) => reason.clone(),
        DataNotice::SaveFailed(reason) => format!("Ändringen kunde inte sparas: {reason}"),
        DataNotice::SeedBroken(reason) => reason.clone(),
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
                        <button type="button" on:click=dismiss>"Stäng"</button>
                    </div>
                }
            })
            .collect_view()
    }
}
