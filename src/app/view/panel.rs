//! What a panel that owns itself needs of the live side: a handle on the run to read from,
//! and the frame stamp, so that it renders again when the run moved.

use crate::live::page::Live;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The page's live side, as a property: equal when it is the same one.
#[derive(Clone)]
pub struct LiveHandle(pub Rc<RefCell<Live>>);

impl PartialEq for LiveHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The newest frame stamp: the component renders again whenever the frame loop publishes one.
#[hook]
pub fn use_frame(live: &LiveHandle) -> u64 {
    let stamp = use_state(|| live.0.borrow().frames.stamp());
    {
        let live = live.0.clone();
        let setter = stamp.setter();
        use_effect_with((), move |_| {
            let id = live.borrow_mut().frames.listen(Callback::from(move |s| setter.set(s)));
            move || live.borrow_mut().frames.stop(id)
        });
    }
    *stamp
}
