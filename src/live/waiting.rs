//! The page's list of who waits for which of the worker's answers to a view's asks.

use super::service::{Ask, Service};

/// Who waits for which answer: at most one ask of each service, the newest, with its id, the
/// ask itself (sent again to a worker started anew) and who hears its answers.
pub struct Waiting<L> {
    last_id: u64,
    asks: Vec<(u64, Ask, L)>,
}

impl<L> Default for Waiting<L> {
    fn default() -> Self {
        Waiting { last_id: 0, asks: Vec::new() }
    }
}

impl<L: Clone> Waiting<L> {
    /// Takes `ask`, heard by `listener`: its id, and the id of the ask of the same service it
    /// replaces (to be dropped by the worker), if one still waited.
    pub fn ask(&mut self, ask: Ask, listener: L) -> (u64, Option<u64>) {
        let replaced = self.cancel(ask.service());
        self.last_id += 1;
        self.asks.push((self.last_id, ask, listener));
        (self.last_id, replaced)
    }

    /// Stops waiting for `service`: the id of the ask that waited, if one did.
    pub fn cancel(&mut self, service: Service) -> Option<u64> {
        let at = self.asks.iter().position(|(_, ask, _)| ask.service() == service)?;
        Some(self.asks.remove(at).0)
    }

    /// Who hears answer `id` (none for an ask replaced or cancelled): it goes on waiting
    /// while `more` is to come.
    pub fn heard(&mut self, id: u64, more: bool) -> Option<L> {
        let at = self.asks.iter().position(|(waiting, ..)| *waiting == id)?;
        if more {
            Some(self.asks[at].2.clone())
        } else {
            Some(self.asks.remove(at).2)
        }
    }

    /// The asks still waiting, with their ids, oldest first.
    pub fn asks(&self) -> impl Iterator<Item = (u64, &Ask)> {
        self.asks.iter().map(|(id, ask, _)| (*id, ask))
    }

    /// Whether `service` has an ask waiting.
    pub fn waits_for(&self, service: Service) -> bool {
        self.asks.iter().any(|(_, ask, _)| ask.service() == service)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::live::classroom::Checked;
    use crate::live::hinting::HintState;
    use crate::live::service::{Answer, Answered};
    use crate::live::sweeping::{SweepAsk, SweepState};

    fn qr(text: &str) -> Ask {
        Ask::Qr { text: text.into(), max_version: 10 }
    }

    #[test]
    fn only_the_newest_ask_of_a_service_is_heard_and_the_one_it_replaces_is_named() {
        let mut waiting = Waiting::default();
        let (first, replaced) = waiting.ask(qr("a"), "first");
        assert_eq!(replaced, None);
        let (formula, _) = waiting.ask(Ask::ReadFormula("x1".into()), "formula");
        let (second, replaced) = waiting.ask(qr("b"), "second");
        assert_eq!((replaced, second > formula, formula > first), (Some(first), true, true));
        // The replaced ask's answer is unheard; the newest and the other service's are heard once.
        assert_eq!(waiting.heard(first, false), None);
        assert_eq!(waiting.heard(second, false), Some("second"));
        assert_eq!(waiting.heard(second, false), None);
        assert_eq!(waiting.heard(formula, false), Some("formula"));
        assert_eq!(waiting.asks().count(), 0);
    }

    #[test]
    fn a_sliced_job_is_heard_until_done_or_cancelled_and_what_waits_can_be_asked_again() {
        let mut waiting = Waiting::default();
        let sweep = Ask::Sweep(Box::new(SweepAsk { knob: crate::engine::sweep::Knob::LearningRate, range: (0.01, 1.0, 3), epochs: 10 }));
        let (id, _) = waiting.ask(sweep.clone(), "sweep");
        let (model, _) = waiting.ask(Ask::ReadModel("{}".into()), "model");
        assert_eq!((waiting.heard(id, true), waiting.heard(id, true)), (Some("sweep"), Some("sweep")));
        // A worker started anew is asked again for what still waits, with the same ids.
        let again: Vec<_> = waiting.asks().map(|(id, ask)| (id, ask.service())).collect();
        assert_eq!(again, vec![(id, Service::Sweep), (model, Service::ReadModel)]);
        assert!(waiting.waits_for(Service::Sweep));
        assert_eq!(waiting.cancel(Service::Sweep), Some(id));
        assert_eq!((waiting.heard(id, true), waiting.cancel(Service::Sweep)), (None, None));
        assert!(!waiting.waits_for(Service::Sweep) && waiting.waits_for(Service::ReadModel));
        assert_eq!(waiting.heard(model, false), Some("model"));
    }

    #[test]
    fn each_answer_goes_to_the_view_that_reads_its_kind() {
        assert_eq!(<Option<String>>::from_answer(Answer::Text(Some("x".into()))), Some(Some("x".into())));
        assert_eq!(String::from_answer(Answer::Text(None)), None);
        assert_eq!(String::from_answer(Answer::Figures("[]".into())), Some("[]".to_string()));
        let checked = <(Vec<Checked>, f64)>::from_answer(Answer::Checked(Vec::new(), 2.0));
        assert_eq!(checked, Some((Vec::new(), 2.0)));
        assert_eq!(SweepState::from_answer(Answer::Hint(Box::default())), None);
        assert_eq!(HintState::from_answer(Answer::Hint(Box::default())), Some(HintState::default()));
    }
}
