//! The pages of their own that a link opens (`board=true`, `worksheet=true`): the teacher's
//! board and the printable worksheet. They are built into a module of their own
//! (src/bin/teacher.rs) that the playground's module loads only when a link asks for one of
//! them, so that the playground's first load does not carry them.

use super::ctx::*;
use super::link_io::{initial_state, location_hash};
use super::top::notices;

/// The pages' module: its bindings, then the script that starts it (static/teacher_loader.js).
const MODULE_SCRIPTS: [&str; 2] = ["./teacher.js", "./teacher_loader.js"];

/// What every page starts from: the state read from the link, the live side, the context the
/// views share, and the page's two effects (perform.rs; the keyboard's shortcuts on the
/// `playground` only).
#[hook]
pub(super) fn use_page(playground: bool) -> (UseReducerHandle<AppState>, RunDoor, Callback<Action>, Ctx) {
    let state = use_reducer(initial_state);
    let run = (*use_memo((), |_| RunDoor::open())).clone();
    #[cfg(feature = "test-hooks")]
    crate::app::hook(&run);
    // One callback for the page's whole life, so that the columns' properties stay equal.
    let dispatch = use_callback(state.dispatcher(), |a: Action, d| d.dispatch(a));
    // The settings are shared, not copied, while they do not change.
    let settings = use_memo(state.settings.clone(), |s| s.clone());
    let ctx = Ctx { settings, dispatch: dispatch.clone(), run: run.clone() };
    super::perform::use_effects(&state, &run, &dispatch, playground);
    (state, run, dispatch, ctx)
}

/// Whether these settings ask for a page of its own rather than the playground.
pub(super) fn own_page(s: &Settings) -> bool {
    s.board || s.worksheet
}

/// Whether the link in the address bar asks for a page of its own.
pub fn own_page_asked() -> bool {
    own_page(&link::parse(&location_hash(), Lang::En).0)
}

/// Loads the pages' module, which shows the page; if it cannot be had (offline before the
/// first visit), the page says so in the link's language.
pub fn load_pages_module() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(head) = document.head() else { return };
    for src in MODULE_SCRIPTS {
        let Ok(script) = document.create_element("script") else { return };
        let _ = script.set_attribute("src", src);
        // A script added by a program runs when it arrives unless told to keep its turn.
        let _ = js_sys::Reflect::set(&script, &"async".into(), &false.into());
        let failed = gloo_events::EventListener::once(&script, "error", |_| {
            let lang = link::parse(&location_hash(), super::link_io::browser_lang()).0.lang;
            if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
                body.set_text_content(Some(Text::PageNotLoaded.get(lang)));
            }
        });
        failed.forget();
        let _ = head.append_child(&script);
    }
}

/// When the link turns from the playground to a page of its own or back, the page opens
/// again, so that the module loaded is the one that shows it.
pub fn follow_link(own: bool) {
    let Some(window) = web_sys::window() else { return };
    gloo_events::EventListener::new(&window, "hashchange", move |_| {
        if own_page_asked() != own {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    })
    .forget();
}

/// The page of its own the link asks for: the board or the worksheet.
#[component]
pub fn TeacherPage() -> Html {
    let (state, _, _, ctx) = use_page(false);
    let s = &state.settings;
    html! {
        <div class={classes!("page", if s.board { "board-page" } else { "worksheet-page" }, s.projector.then_some("projector"))}>
            { notices(&ctx, &state.notices) }
            if s.board {
                <super::board::ClassBoard ctx={ctx.clone()} />
            } else {
                <super::worksheet::Worksheet ctx={ctx.clone()} started={state.started} />
            }
        </div>
    }
}
