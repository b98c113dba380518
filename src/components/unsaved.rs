//! Work a screen has not saved yet (the builder's latest edits): Log out asks before it goes.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// While some edits are not saved, the way to save them now; provided by the app's shell.
#[derive(Clone, Default)]
pub struct UnsavedWork(Rc<RefCell<Option<Callback<()>>>>);

impl PartialEq for UnsavedWork {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl UnsavedWork {
    /// Notes that edits wait to be saved (`Some`, with how to save them now) or are saved.
    pub fn set(&self, save_now: Option<Callback<()>>) {
        *self.0.borrow_mut() = save_now;
    }

    /// How to save the waiting edits, if any wait.
    pub fn pending(&self) -> Option<Callback<()>> {
        self.0.borrow().clone()
    }
}

/// The shell's record of unsaved work, if the screen is inside the app's shell.
#[hook]
pub fn use_unsaved_work() -> Option<UnsavedWork> {
    use_context::<UnsavedWork>()
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;

    use yew::Callback;

    use super::UnsavedWork;

    #[test]
    fn unsaved_work_keeps_the_latest_way_to_save_and_clears() {
        let work = UnsavedWork::default();
        assert!(work.pending().is_none());
        let saved = Rc::new(Cell::new(0));
        let count = saved.clone();
        work.set(Some(Callback::from(move |()| count.set(count.get() + 1))));
        let shared = work.clone();
        shared.pending().expect("waiting edits").emit(());
        assert_eq!(saved.get(), 1);
        assert!(shared == work, "clones are the one record");
        work.set(None);
        assert!(shared.pending().is_none());
    }
}
