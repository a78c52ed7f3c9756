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
