//! What a panel that owns itself needs of the run: the door to read it from, and the frame
//! stamp, so that it renders again when the run moved.

pub use crate::live::door::{Command, RunDoor};
use yew::prelude::*;

/// The newest frame stamp: the component renders again whenever the frame loop publishes one.
#[hook]
pub fn use_frame(run: &RunDoor) -> u64 {
    let stamp = use_state(|| run.read(|r| r.page.frames.stamp()));
    {
        let run = run.clone();
        let setter = stamp.setter();
        use_effect_with((), move |_| {
            let listener = Callback::from(move |s| setter.set(s));
            run.send(Command::Listen(listener.clone()));
            move || run.send(Command::Unlisten(listener))
        });
    }
    *stamp
}

/// The newest frame stamp while `on`: the component renders again whenever the frame loop
/// publishes one, and not while off (a panel shown within a larger one).
#[hook]
pub fn use_frame_while(run: &RunDoor, on: bool) -> u64 {
    let stamp = use_state(|| 0);
    let run = run.clone();
    let setter = stamp.setter();
    use_effect_with(on, move |&on| {
        let listener = on.then(|| Callback::from(move |s| setter.set(s)));
        if let Some(l) = &listener {
            run.send(Command::Listen(l.clone()));
        }
        move || {
            if let Some(l) = listener {
                run.send(Command::Unlisten(l));
            }
        }
    });
    *stamp
}
