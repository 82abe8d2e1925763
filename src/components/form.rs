//! The building blocks of every edit form: labelled inputs that show the
//! core's message for their field, editable lists (add, remove, move up and
//! down with buttons, usable by touch and keyboard), and the form's summary
//! of what was refused. Input stays in the form when a save is refused.

use leptos::prelude::*;

use super::focus_content;
use crate::i18n::{t, tf, Text};
use crate::model::EditError;
use crate::repo::Repo;

/// What the last save attempt of a form was refused for.
pub type FormErrors = RwSignal<Option<EditError>>;

fn field_messages(errors: FormErrors, field: &'static str) -> Vec<String> {
    errors.with(|e| e.as_ref().map(|e| e.for_field(field)).unwrap_or_default())
}

/// The messages under an input, linked to it by `aria-describedby`.
#[component]
fn FieldMessages(id: String, errors: FormErrors, field: &'static str) -> impl IntoView {
    view! {
        <p class="field-error" id=id>
            {move || field_messages(errors, field).join(" ")}
        </p>
    }
}

/// A labelled one-line (or, with `multiline`, several-line) text input.
/// `kind` is the input type: "text" (default), "date", "time", "number".
#[component]
pub fn TextInput(
    /// The DOM id, unique on the page.
    #[prop(into)]
    id: String,
    label: &'static str,
    value: RwSignal<String>,
    errors: FormErrors,
    /// The model field the core names in its messages.
    #[prop(optional)]
    field: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let message_id = format!("{id}-fel");
    let hint_id = format!("{id}-hjalp");
    let described = match hint {
        Some(_) => format!("{hint_id} {message_id}"),
        None => message_id.clone(),
    };
    let invalid = move || (!field_messages(errors, field).is_empty()).to_string();
    let input = if multiline {
        view! {
            <textarea id=id.clone() rows="4" aria-describedby=described aria-invalid=invalid
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type=kind.unwrap_or("text") aria-describedby=described aria-invalid=invalid
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {input}
            <FieldMessages id=message_id errors field />
        </div>
    }
}

/// A labelled choice among `options` (value, label); `empty` adds a first
/// option for "none" with that label.
#[component]
pub fn SelectInput(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<String>,
    options: Vec<(String, String)>,
    errors: FormErrors,
    #[prop(optional)] field: &'static str,
    #[prop(optional)] empty: Option<&'static str>,
) -> impl IntoView {
    let message_id = format!("{id}-fel");
    let invalid = move || (!field_messages(errors, field).is_empty()).to_string();
    let options = options
        .into_iter()
        .map(|(v, l)| {
            let selected_value = v.clone();
            view! { <option value=v prop:selected=move || value.get() == selected_value>{l}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id.clone() aria-describedby=message_id.clone() aria-invalid=invalid
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))>
                {empty.map(|e| view! { <option value="" prop:selected=move || value.get().is_empty()>{e}</option> })}
                {options}
            </select>
            <FieldMessages id=message_id errors field />
        </div>
    }
}

/// A yes/no box.
#[component]
pub fn CheckInput(#[prop(into)] id: String, label: String, value: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="field check">
            <input id=id.clone() type="checkbox" prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev)) />
            <label for=id>{label}</label>
        </div>
    }
}

/// Moves item `i` of a list one step (`-1` up, `1` down) if it can.
pub fn move_item<T>(items: &mut [T], i: usize, step: isize) {
    let j = i as isize + step;
    if j >= 0 && (j as usize) < items.len() {
        items.swap(i, j as usize);
    }
}

/// The buttons of one row of an editable list: up, down, remove. Named for
/// screen readers with the row's label.
#[component]
pub fn RowButtons(
    /// E.g. "punkt 2".
    row: String,
    on_up: impl Fn() + Send + Sync + 'static,
    on_down: impl Fn() + Send + Sync + 'static,
    on_remove: impl Fn() + Send + Sync + 'static,
    first: bool,
    last: bool,
) -> impl IntoView {
    view! {
        <span class="row-buttons">
            <button type="button" class="secondary icon" aria-label=tf(Text::MoveRowUp, &[&row]) disabled=first on:click=move |_| on_up()>"↑"</button>
            <button type="button" class="secondary icon" aria-label=tf(Text::MoveRowDown, &[&row]) disabled=last on:click=move |_| on_down()>"↓"</button>
            <button type="button" class="secondary icon" aria-label=tf(Text::RemoveRow, &[&row]) on:click=move |_| on_remove()>"✕"</button>
        </span>
    }
}

/// A list of texts edited in place: every item its own input, with buttons
/// to move it up or down or remove it, and one to add an item.
#[component]
pub fn TextListInput(
    #[prop(into)] id: String,
    label: &'static str,
    /// One item, e.g. "punkt".
    item: &'static str,
    items: RwSignal<Vec<String>>,
    errors: FormErrors,
    #[prop(optional)] field: &'static str,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let message_id = format!("{id}-fel");
    let described = message_id.clone();
    let len = Memo::new(move |_| items.with(Vec::len));
    let row_id = id.clone();
    let rows = move || {
        let n = len.get();
        (0..n)
            .map(|i| {
                let name = format!("{item} {}", i + 1);
                let input_id = format!("{row_id}-{}", i + 1);
                let text = move || items.with(|v| v.get(i).cloned().unwrap_or_default());
                let set = move |ev| {
                    let value = event_target_value(&ev);
                    items.update(|v| {
                        if let Some(slot) = v.get_mut(i) {
                            *slot = value;
                        }
                    })
                };
                let input = if multiline {
                    view! { <textarea id=input_id aria-label=name.clone() rows="2" prop:value=text on:input=set></textarea> }.into_any()
                } else {
                    view! { <input id=input_id type="text" aria-label=name.clone() prop:value=text on:input=set /> }.into_any()
                };
                view! {
                    <li>
                        {input}
                        <RowButtons row=name first=i == 0 last=i + 1 == n
                            on_up=move || items.update(|v| move_item(v, i, -1))
                            on_down=move || items.update(|v| move_item(v, i, 1))
                            on_remove=move || items.update(|v| { if i < v.len() { v.remove(i); } }) />
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="list-field" aria-describedby=described>
            <legend>{label}</legend>
            <ol>{rows}</ol>
            <button type="button" class="secondary" on:click=move |_| items.update(|v| v.push(String::new()))>
                {tf(Text::AddListItem, &[&item])}
            </button>
            <FieldMessages id=message_id errors field />
        </fieldset>
    }
}

/// What a refused save was refused for, at the top of the form, announced.
#[component]
pub fn FormSummary(errors: FormErrors) -> impl IntoView {
    move || {
        errors.get().map(|e| {
            let items = match &e {
                EditError::Rejected(list) => list
                    .iter()
                    .map(|f| view! { <li>{f.to_string()}</li> })
                    .collect_view()
                    .into_any(),
                other => view! { <li>{other.to_string()}</li> }.into_any(),
            };
            view! {
                <div class="form-errors" role="alert">
                    <p>{t(Text::FormNothingSaved)}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// Save and cancel. While the form is open, other tabs' saved changes wait
/// (see [`Repo::hold_other_tabs_while_mounted`]); the form says so.
#[component]
pub fn FormActions(
    save: &'static str,
    on_cancel: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let repo = Repo::expect_context();
    repo.hold_other_tabs_while_mounted();
    let actions = NodeRef::<leptos::html::Div>::new();
    focus_while_open(actions);
    view! {
        <p class="form-note" role="status">
            {move || repo.other_tabs_held_back().then(|| t(Text::HeldBackByOtherTab))}
        </p>
        <div class="actions" node_ref=actions>
            <button type="submit">{save}</button>
            <button type="button" class="secondary" on:click=move |_| on_cancel()>{t(Text::Cancel)}</button>
        </div>
    }
}

/// Moves the focus to the first field of the form holding `actions` when it
/// opens, and back to what had the focus before (the button that opened
/// it) when it closes; to the page's content if that is gone.
fn focus_while_open(actions: NodeRef<leptos::html::Div>) {
    use wasm_bindgen::JsCast;
    let opener = StoredValue::new_local(document().active_element());
    Effect::new(move |_| {
        let first = actions
            .get()
            .and_then(|div| div.closest("form").ok().flatten())
            .and_then(|form| {
                form.query_selector("input, select, textarea")
                    .ok()
                    .flatten()
            })
            .and_then(|field| field.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(field) = first {
            let _ = field.focus();
        }
    });
    on_cleanup(move || {
        let opener = opener.try_get_value().flatten();
        request_animation_frame(move || {
            // Only when the focus was lost with the form, not taken elsewhere.
            let document = document();
            let lost = document
                .active_element()
                .is_none_or(|e| Some(e) == document.body().map(Into::into));
            if !lost {
                return;
            }
            let back = opener
                .filter(|e| e.is_connected() && !e.has_attribute("hidden"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            match back {
                Some(element) => {
                    let _ = element.focus();
                }
                None => focus_content(None),
            }
        });
    });
}

/// Text with blank lines between paragraphs, as the paragraphs.
pub fn paragraphs_of(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An optional text: `None` when blank.
pub fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// An enum's value as the data writes it ("political"), for a select.
pub fn enum_value<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The enum value a select holds.
pub fn enum_from<T: serde::de::DeserializeOwned>(value: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(value.to_owned())).ok()
}

/// A list of structured rows edited in place: `row` draws the inputs of
/// row `i`; every row gets up/down/remove buttons; `new_item` makes the row
/// "Lägg till" adds. Rows are drawn again only when the count changes, so
/// typing in a row keeps its focus.
#[component]
pub fn RowList<T: Clone + Send + Sync + 'static>(
    label: &'static str,
    /// One row, e.g. "regel".
    item: &'static str,
    items: RwSignal<Vec<T>>,
    new_item: fn() -> T,
    row: fn(RwSignal<Vec<T>>, usize, &str) -> AnyView,
    errors: FormErrors,
    #[prop(optional)] field: &'static str,
    #[prop(into)] id: String,
) -> impl IntoView {
    let message_id = format!("{id}-fel");
    let described = message_id.clone();
    let len = Memo::new(move |_| items.with(Vec::len));
    let rows = move || {
        let n = len.get();
        (0..n)
            .map(|i| {
                let name = format!("{item} {}", i + 1);
                view! {
                    <li class="row-fields">
                        {row(items, i, &name)}
                        <RowButtons row=name first=i == 0 last=i + 1 == n
                            on_up=move || items.update(|v| move_item(v, i, -1))
                            on_down=move || items.update(|v| move_item(v, i, 1))
                            on_remove=move || items.update(|v| { if i < v.len() { v.remove(i); } }) />
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="list-field" aria-describedby=described>
            <legend>{label}</legend>
            <ol>{rows}</ol>
            <button type="button" class="secondary" on:click=move |_| items.update(|v| v.push(new_item()))>
                {tf(Text::AddListItem, &[&item])}
            </button>
            <FieldMessages id=message_id errors field />
        </fieldset>
    }
}

/// A text input bound to one field of row `i` of a row list.
pub fn row_text<T: Send + Sync + 'static>(
    items: RwSignal<Vec<T>>,
    i: usize,
    label: String,
    get: fn(&T) -> String,
    set: fn(&mut T, String),
    multiline: bool,
) -> AnyView {
    let value = move || items.with(|v| v.get(i).map(get).unwrap_or_default());
    let input = move |ev| {
        let text = event_target_value(&ev);
        items.update(|v| {
            if let Some(row) = v.get_mut(i) {
                set(row, text)
            }
        })
    };
    if multiline {
        view! { <textarea aria-label=label rows="2" prop:value=value on:input=input></textarea> }
            .into_any()
    } else {
        view! { <input type="text" class="short" aria-label=label.clone() placeholder=label prop:value=value on:input=input /> }.into_any()
    }
}

/// A select bound to one field of row `i` of a row list.
pub fn row_select<T: Send + Sync + 'static>(
    items: RwSignal<Vec<T>>,
    i: usize,
    label: String,
    options: Vec<(String, String)>,
    get: fn(&T) -> String,
    set: fn(&mut T, String),
) -> AnyView {
    let options = options
        .into_iter()
        .map(|(v, l)| {
            let mine = v.clone();
            view! { <option value=v prop:selected=move || items.with(|r| r.get(i).map(get)) == Some(mine.clone())>{l}</option> }
        })
        .collect_view();
    view! {
        <select aria-label=label on:change=move |ev| {
            let value = event_target_value(&ev);
            items.update(|v| if let Some(row) = v.get_mut(i) { set(row, value) })
        }>{options}</select>
    }
    .into_any()
}
