//! The reducer returns what the page does for each change of state, in order: the run kept in
//! line, play and pause, a view brought into sight, a dialog's focus, the address bar, the
//! thumbnails. The page carries out exactly these (app/view/perform.rs).

use neurona::app::effects::Effect;
use neurona::app::i18n::Lang;
use neurona::app::state::*;
use neurona::app::update::effects;
use neurona::engine::LayerNo;

fn state() -> AppState {
    AppState::new(Settings::new(Lang::Es))
}

#[test]
fn the_page_opening_does_everything_once_in_order() {
    let s = state();
    assert_eq!(effects(None, &s), vec![Effect::Sync, Effect::Follow, Effect::Link, Effect::Thumbnails, Effect::Points]);
    let mut board = Settings::new(Lang::Es);
    board.board = true;
    let board = AppState::new(board);
    assert_eq!(effects(None, &board), vec![Effect::Sync, Effect::Follow, Effect::Link], "the board draws no thumbnails");
}

#[test]
fn each_action_returns_only_what_its_change_needs() {
    let s = state();
    let (playing, done) = s.update(Action::Run(Run::Toggle));
    assert!(playing.playing);
    assert_eq!(done, vec![Effect::Follow], "play only tells the run to play");
    let (_, done) = playing.update(Action::Run(Run::Toggle));
    assert_eq!(done, vec![Effect::Follow]);
    let (_, done) = s.update(Action::Edit(Edit::LearningRate(0.3)));
    assert_eq!(done, vec![Effect::Sync, Effect::Link], "a setting goes to the run and the address bar");
    let (_, done) = s.update(Action::View(View::Resized));
    assert_eq!(done, vec![Effect::Sync], "the diagram follows the window");
    let (_, done) = s.update(Action::Edit(Edit::Seed(7)));
    assert_eq!(done, vec![Effect::Sync, Effect::Link, Effect::Thumbnails]);
    let (_, done) = s.update(Action::Points(Points::DrawClass(0)));
    assert_eq!(done, vec![], "the class drawn with changes nothing outside the state");
    let (helped, done) = s.update(Action::Panel(Panel::Help(true)));
    assert_eq!(done, vec![Effect::FocusDialog("help-close")], "a dialog takes the keyboard");
    let (_, done) = helped.update(Action::Panel(Panel::Help(false)));
    assert_eq!(done, vec![]);
}

#[test]
fn a_view_that_opens_is_brought_into_sight_and_backprop_starts_on_the_hardest_point() {
    let s = state();
    let (open, done) = s.update(Action::Panel(Panel::Matrix(Some(LayerNo::new(1)))));
    assert_eq!(done, vec![Effect::Sync, Effect::BringIntoView("matrix-view"), Effect::Link]);
    let (_, done) = open.update(Action::Panel(Panel::Matrix(None)));
    assert!(!done.iter().any(|e| matches!(e, Effect::BringIntoView(_))), "closing brings nothing into sight: {done:?}");
    let (walking, done) = s.update(Action::Panel(Panel::Backprop(true)));
    assert!(done.contains(&Effect::HardestPoint) && done.contains(&Effect::BringIntoView("backprop")), "{done:?}");
    // Each new run the worker answers starts the walk-through again from its hardest point.
    let (_, done) = walking.update(Action::Run(Run::Started));
    assert_eq!(done, vec![Effect::HardestPoint]);
    let (_, done) = s.update(Action::Run(Run::Started));
    assert_eq!(done, vec![], "no walk-through, nothing to find");
}
