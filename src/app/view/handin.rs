//! Handing in an exercise (`#handin-button`): the student's name, then a code that holds the
//! setup, the weights shown and the result measured from them (`#handin-code`, with a button
//! that copies it and a QR code), to send the teacher by any chat. Nothing leaves the page.

use super::ctx::*;
use super::link_io::storage;
use crate::engine::handin::{clean_name, CodeError, HandIn, MAX_NAME_CHARS};

/// Where this browser remembers the name typed last.
const NAME_KEY: &str = "neurona-name";

/// Properties of [`HandInTool`].
#[derive(Properties, PartialEq)]
pub(super) struct HandInProps {
    pub ctx: Ctx,
}

/// What the tool shows once the button was pressed.
#[derive(Clone, PartialEq)]
enum Shown {
    /// Asking for the name (with what was wrong the last time, if anything).
    Asking(Option<Text>),
    /// The code made, and what it claims.
    Made { code: String, claim: String },
    /// The code could not be made.
    Refused(String),
}

/// Makes the code of the run as shown, from what it claims.
fn make(ctx: &Ctx, name: &str, claim: Option<door::Claim>) -> Shown {
    let s = ctx.settings();
    let lang = s.lang;
    let link = link::to_short_hash(&crate::app::board::handed_in(s));
    if link.contains("points=page") {
        return Shown::Refused(ctx.t(Text::HandInDataTooLarge).to_string());
    }
    let Some((epoch, test_loss, accuracy, weights)) = claim else { return Shown::Refused(ctx.t(Text::HandInNoRun).to_string()) };
    let handin = HandIn { name: name.to_string(), link, epoch, test_loss, accuracy, weights };
    match handin.encode() {
        Ok(code) => {
            let neurons: usize = s.config.network.hidden.iter().map(|h| h.neurons).sum();
            let mut parts = vec![];
            if let Some(a) = accuracy {
                parts.push(format!("{} {:.1}%", Text::TestAccuracy.get(lang), a * 100.0));
            }
            parts.push(format!("{} {:.4}", Text::TestLoss.get(lang), test_loss));
            parts.push(Text::HandInNeurons.get(lang).replace("{n}", &neurons.to_string()));
            parts.push(format!("{} {epoch}", Text::Epoch.get(lang)));
            Shown::Made { code, claim: parts.join(" · ") }
        }
        Err(CodeError::TooManyWeights(n)) => Shown::Refused(
            Text::HandInTooManyWeights.get(lang).replace("{n}", &n.to_string()).replace("{max}", &crate::engine::handin::MAX_WEIGHTS.to_string()),
        ),
        Err(_) => Shown::Refused(Text::HandInTooLong.get(lang).replace("{max}", &crate::engine::handin::MAX_CODE_CHARS.to_string())),
    }
}

/// On the satellite data the worker maps the scene from the code's weights (as the board reads
/// them and will map it), and the claim then names the map's accuracy.
/// Returns `made` as it is shown until the worker answers.
fn ask_map(ctx: &Ctx, shown: &UseStateHandle<Option<Shown>>, made: Shown) -> Shown {
    let Shown::Made { code, claim } = &made else { return made };
    if ctx.settings().config.data.dataset != Dataset::Satellite {
        return made;
    }
    let Ok(weights) = HandIn::decode(code).map(|h| h.weights) else { return made };
    let (shown, code, claim, lang) = (shown.clone(), code.clone(), claim.clone(), ctx.settings().lang);
    let heard = Callback::from(move |(checked, _): (Vec<door::Checked>, f64)| {
        let Some(Some(m)) = checked.first().and_then(|c| c.as_ref().ok()).map(|r| r.map) else { return };
        let claim = format!("{claim} · {} {:.1}%", Text::MapAccuracy.get(lang), m * 100.0);
        shown.set(Some(Shown::Made { code: code.clone(), claim }));
    });
    ctx.run.send(Command::ask(door::Ask::Check(vec![(ctx.settings().config.clone(), weights)]), heard));
    made
}

/// The button, and the name, code and QR code it leads to.
#[function_component(HandInTool)]
pub(super) fn hand_in_tool(p: &HandInProps) -> Html {
    let shown = use_state(|| None::<Shown>);
    let copied = use_state(|| None::<bool>);
    // The name as typed, first the one this browser remembers.
    let name = use_state(|| storage().and_then(|s| s.get_item(NAME_KEY).ok().flatten()).unwrap_or_default());
    let ctx = &p.ctx;
    let open = {
        let (shown, copied) = (shown.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            copied.set(None);
            shown.set(if shown.is_some() { None } else { Some(Shown::Asking(None)) });
        })
    };
    let submit = {
        let (shown, ctx, copied, typed) = (shown.clone(), ctx.clone(), copied.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = clean_name(&typed);
            if name.is_empty() {
                shown.set(Some(Shown::Asking(Some(Text::HandInNameMissing))));
                return;
            }
            if let Some(store) = storage() {
                let _ = store.set_item(NAME_KEY, &name);
            }
            copied.set(None);
            let (shown, made_by) = (shown.clone(), ctx.clone());
            ctx.run.send(Command::Claim(Callback::from(move |claim| shown.set(Some(ask_map(&made_by, &shown, make(&made_by, &name, claim)))))));
        })
    };
    // The name takes the keyboard as the dialog opens.
    use_effect_with(matches!(*shown, Some(Shown::Asking(_))), |&asking| {
        if asking {
            if let Some(input) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("handin-name"))
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            {
                let _ = input.focus();
            }
        }
        || ()
    });
    let body = match shown.as_ref() {
        None => html! {},
        Some(state) => {
            let (missing, made, refused) = match state {
                Shown::Asking(m) => (*m, None, None),
                Shown::Made { code, claim } => (None, Some((code.clone(), claim.clone())), None),
                Shown::Refused(why) => (None, None, Some(why.clone())),
            };
            let copy = made.as_ref().map(|(code, _)| {
                let (code, copied) = (code.clone(), copied.clone());
                Callback::from(move |_: MouseEvent| {
                    let copied = copied.clone();
                    copy_text(&code, Callback::from(move |ok| copied.set(Some(ok))))
                })
            });
            let close = {
                let shown = shown.clone();
                Callback::from(move |_: MouseEvent| shown.set(None))
            };
            let escape = {
                let shown = shown.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if e.key() == "Escape" {
                        shown.set(None);
                    }
                })
            };
            html! {
                <div class="overlay" onclick={close.clone()}>
                <div id="handin-panel" class="dialog handin" role="dialog" aria-modal="true" aria-labelledby="handin-title" onkeydown={escape}
                    onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                    <h2 id="handin-title">{ ctx.t(Text::HandIn) }</h2>
                    <form class="handin-form" onsubmit={submit}>
                        <label class="field"><span>{ ctx.t(Text::HandInName) }</span>
                            <input id="handin-name" type="text" maxlength={MAX_NAME_CHARS.to_string()} autocomplete="name" value={(*name).clone()} oninput={typed_into(&name)}
                                aria-invalid={missing.is_some().then_some("true")} aria-describedby="handin-message" />
                        </label>
                        <button id="handin-make" class="tool primary" type="submit">{ ctx.t(Text::HandInMake) }</button>
                    </form>
                    <p id="handin-message" class="handin-message" role="status">
                        { missing.map(|m| ctx.t(m).to_string()).or(refused).unwrap_or_default() }
                    </p>
                    if let Some((code, claim)) = made {
                        <p id="handin-claim" class="text">{ claim }</p>
                        <label class="field handin-code-field"><span>{ ctx.t(Text::HandInCode) }</span>
                            <textarea id="handin-code" readonly=true rows="3" data-chars={code.chars().count().to_string()} value={code.clone()}
                                onclick={Callback::from(|e: MouseEvent| e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().select())} />
                        </label>
                        <div class="handin-copy-row">
                            <button id="handin-copy" class="tool primary" onclick={copy}>{ ctx.t(Text::HandInCopy) }</button>
                            <span id="handin-copied" role="status">{ match *copied {
                                Some(true) => ctx.t(Text::HandInCopied),
                                Some(false) => ctx.t(Text::HandInNotCopied),
                                None => "",
                            } }</span>
                        </div>
                        <p class="text">{ ctx.t(Text::HandInSend) }</p>
                        <super::qr::QrCanvas ctx={ctx.clone()} id="handin-qr" text={code} max_version={door::CODE_QR_VERSION} label={ctx.t(Text::HandInQr)} />
                    }
                    <div class="dialog-buttons">
                        <button id="handin-close" class="tool" onclick={close}>{ ctx.t(Text::Close) }</button>
                    </div>
                </div>
                </div>
            }
        }
    };
    html! {
        <div class="handin-tool">
            <button id="handin-button" class="tool" aria-expanded={shown.is_some().to_string()} onclick={open}>{ ctx.t(Text::HandIn) }</button>
            { body }
        </div>
    }
}
