//! The one way the page's forms are written: a number field from what it accepts, and what is
//! typed kept in the form's own state as it is typed (a draft the form reads when it is sent),
//! never read back from the page.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What a number field accepts: its least and greatest values, and whether whole numbers only.
#[derive(Clone, Copy, PartialEq)]
pub(crate) struct NumberSpec {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub whole: bool,
}

/// A labelled number field with id `id`, showing `value` (the text typed so far).
pub(crate) fn number_field(id: &'static str, label: &str, spec: NumberSpec, value: &str, oninput: Callback<InputEvent>) -> Html {
    html! {
        <label class="field"><span>{ label.to_string() }</span>
            <input {id} type="number" value={value.to_string()} min={spec.min.map(|v| v.to_string())} max={spec.max.map(|v| v.to_string())}
                step={if spec.whole { "1" } else { "any" }} {oninput} />
        </label>
    }
}

/// The text of the field or area an input event came from.
pub(crate) fn typed_text(e: &InputEvent) -> Option<String> {
    let target = e.target()?;
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        Some(input.value())
    } else {
        target.dyn_ref::<web_sys::HtmlTextAreaElement>().map(|area| area.value())
    }
}

/// Keeps what is typed into a text field or area in `text`: the form reads it from there.
pub(crate) fn typed_into(text: &UseStateHandle<String>) -> Callback<InputEvent> {
    let text = text.clone();
    Callback::from(move |e: InputEvent| {
        if let Some(typed) = typed_text(&e) {
            text.set(typed);
        }
    })
}

/// Keeps what is typed into one field of a form's draft, as `set` puts it there.
pub(crate) fn draft_edit<D: Clone + 'static>(draft: &UseStateHandle<D>, set: fn(&mut D, String)) -> Callback<InputEvent> {
    let draft = draft.clone();
    Callback::from(move |e: InputEvent| {
        let Some(value) = typed_text(&e) else { return };
        let mut d = (*draft).clone();
        set(&mut d, value);
        draft.set(d);
    })
}
