//! The list of keyboard shortcuts, opened with ? or the ? button.

use super::ctx::*;

/// Every shortcut of the page, with what it does.
const SHORTCUTS: [(&str, Text); 8] = [
    ("Space", Text::KeyPlay),
    ("→", Text::KeyStep),
    ("R", Text::KeyReset),
    ("B", Text::KeyBackprop),
    ("← →", Text::KeyBackpropStages),
    ("Enter", Text::KeyInspect),
    ("?", Text::KeyHelp),
    ("Esc", Text::KeyClose),
];

pub(super) fn help_overlay(ctx: &Ctx, open: bool) -> Html {
    if !open {
        return html! {};
    }
    let close = ctx.send(Action::Panel(Panel::Help(false)));
    html! {
        <div class="overlay" onclick={close.clone()}>
            <div id="help-overlay" class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title"
                onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <h2 id="help-title">{ ctx.t(Text::Shortcuts) }</h2>
                <dl class="shortcuts">
                    { for SHORTCUTS.iter().map(|(key, what)| html! {
                        <>
                            <dt><kbd>{ match *key { "Space" => ctx.t(Text::SpaceKey), "Enter" => ctx.t(Text::EnterKey), _ => key } }</kbd></dt>
                            <dd>{ ctx.t(*what) }</dd>
                        </>
                    }) }
                </dl>
                <p class="text">{ ctx.t(Text::SpaceNote) }</p>
                <button id="help-close" class="tool" onclick={close}>{ ctx.t(Text::Close) }</button>
            </div>
        </div>
    }
}
