//! Your own feature (`#custom-feature-panel`, opened from the features' head): a formula of
//! x1 and x2 typed in `#custom-feature`, read in the worker, that becomes the input
//! `#feature-custom` with its picture; kept in the link as `customFeature=`. A formula that
//! cannot be read changes nothing and `#custom-feature-message` says why.

use super::ctx::*;
use crate::engine::formula::{Formula, FormulaError, MAX_LENGTH};

/// What is wrong with a formula, in the page's language.
pub(super) fn problem(e: &FormulaError, lang: Lang) -> String {
    let number = |v: f64| format!("{v}");
    match e {
        FormulaError::Empty => Text::FormulaEmpty.get(lang).into(),
        FormulaError::TooLong(n) => Text::FormulaTooLong.get(lang).replace("{n}", &n.to_string()).replace("{max}", &MAX_LENGTH.to_string()),
        FormulaError::Syntax(near) if near.is_empty() => Text::FormulaEnds.get(lang).into(),
        FormulaError::Syntax(near) => Text::FormulaSyntax.get(lang).replace("{near}", near),
        FormulaError::Unknown(name) => Text::FormulaUnknown.get(lang).replace("{name}", name),
        FormulaError::NotOffered(ops) => Text::FormulaNotOffered.get(lang).replace("{ops}", ops),
        FormulaError::TooBig => Text::FormulaTooBig.get(lang).into(),
        FormulaError::NotANumber => Text::FormulaNotANumber.get(lang).into(),
        FormulaError::Undefined(x1, x2) => Text::FormulaUndefined.get(lang).replace("{x1}", &number(*x1)).replace("{x2}", &number(*x2)),
    }
}

/// The typed feature's name on its node: the formula when it is short.
pub(super) fn node_label(formula: Option<&Formula>) -> String {
    match formula {
        Some(f) if f.text().chars().count() <= 8 => f.text().to_string(),
        _ => crate::engine::Feature::Custom.label().to_string(),
    }
}

/// Properties of [`FormulaTool`].
#[derive(Properties, PartialEq)]
pub(super) struct FormulaProps {
    pub ctx: Ctx,
    /// Whether the panel is open (its button is in the features' head).
    pub open: bool,
}

/// The panel: the field, use and remove, and what the worker said.
#[function_component(FormulaTool)]
pub(super) fn formula_tool(p: &FormulaProps) -> Html {
    let message = use_state(|| None::<String>);
    // The text as typed, until a formula is used or removed (kept when it cannot be read).
    let typed = use_state(|| None::<String>);
    // The text in the field while it is edited, before it is used.
    let draft = use_state(String::new);
    let editing = use_state(|| false);
    // Opened below the diagram, out of sight on a laptop: brought into view.
    use_effect_with(p.open, |&open| {
        if open {
            bring_into_view("custom-feature-panel");
        }
        || ()
    });
    if !p.open {
        return html! {};
    }
    let ctx = &p.ctx;
    let lang = ctx.settings.lang;
    let current = ctx.settings.config.network.formula.clone();
    // What the field shows: the text being edited, else the text last used (kept when it
    // cannot be read), else the formula in use.
    let shown =
        if *editing { (*draft).clone() } else { typed.as_ref().cloned().or_else(|| current.as_ref().map(|f| f.text().to_string())).unwrap_or_default() };
    let edit = {
        let (into, editing) = (typed_into(&draft), editing.clone());
        Callback::from(move |e: InputEvent| {
            editing.set(true);
            into.emit(e);
        })
    };
    let apply = {
        let (ctx, message, typed, shown, editing) = (ctx.clone(), message.clone(), typed.clone(), shown.clone(), editing.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = shown.clone();
            editing.set(false);
            typed.set(Some(text.clone()));
            message.set(Some(Text::FormulaReading.get(lang).into()));
            let (dispatch, message, typed) = (ctx.dispatch.clone(), message.clone(), typed.clone());
            let heard = Callback::from(move |read: door::FormulaRead| match read {
                Ok(formula) => {
                    message.set(None);
                    typed.set(None);
                    dispatch.emit(Action::Edit(Edit::Formula(Some(Box::new(formula)))));
                }
                Err(e) => message.set(Some(problem(&e, lang))),
            });
            ctx.run.send(Command::ask(door::Ask::ReadFormula(text), heard));
        })
    };
    let remove = {
        let (dispatch, message, typed, editing) = (ctx.dispatch.clone(), message.clone(), typed.clone(), editing.clone());
        Callback::from(move |_: MouseEvent| {
            message.set(None);
            typed.set(None);
            editing.set(false);
            dispatch.emit(Action::Edit(Edit::Formula(None)));
        })
    };
    let in_use = current.as_ref().filter(|f| f.is_read());
    html! {
        <section id="custom-feature-panel" class="landscape formula-panel" aria-label={Text::FormulaTitle.get(lang)}>
            <h3>{ Text::FormulaTitle.get(lang) }</h3>
            <p class="text">{ Text::FormulaExplain.get(lang) }</p>
            <form class="formula-form" onsubmit={apply}>
                <label for="custom-feature">{ Text::FormulaField.get(lang) }</label>
                <input id="custom-feature" type="text" maxlength={MAX_LENGTH.to_string()} spellcheck="false" autocomplete="off"
                    placeholder="x1*x1 + x2*x2" value={shown.clone()} oninput={edit} />
                <button id="custom-feature-apply" type="submit">{ Text::FormulaUse.get(lang) }</button>
                if current.is_some() {
                    <button id="custom-feature-remove" type="button" onclick={remove}>{ Text::FormulaRemove.get(lang) }</button>
                }
            </form>
            <p id="custom-feature-message" class="formula-message" role="status">{ message.as_deref().unwrap_or_default() }</p>
            if let Some(f) = in_use {
                <p id="custom-feature-current" data-divisor={f.divisor().to_string()}>
                    { Text::FormulaInUse.get(lang).replace("{formula}", f.text()) }
                    if f.divisor() > 1.0 {
                        { " " }{ Text::FormulaDivided.get(lang).replace("{d}", format!("{:.3}", f.divisor()).trim_end_matches('0').trim_end_matches('.')) }
                    }
                </p>
            }
        </section>
    }
}
