//! One select for every kind of choice (activation, loss, optimizer, initialisation,
//! penalty, speed): each kind says its value in links and its label in the page's language;
//! the select lists the options given, marks the current one, and sends the one chosen.

use super::ctx::*;

/// A kind of choice a select offers.
pub(super) trait Choice: Copy + PartialEq + 'static {
    /// The value in links (and in the option's `value`).
    fn value(self) -> String;
    /// The label shown, in `lang`.
    fn label(self, lang: Lang) -> String;
    /// The choice a value names.
    fn from_value(value: &str) -> Option<Self>;
}

impl Choice for Activation {
    fn value(self) -> String {
        self.name().into()
    }
    fn label(self, lang: Lang) -> String {
        activation_label(self, lang)
    }
    fn from_value(value: &str) -> Option<Self> {
        Activation::from_name(value)
    }
}

impl Choice for Loss {
    fn value(self) -> String {
        self.name().into()
    }
    fn label(self, _: Lang) -> String {
        match self {
            Loss::HalfMse => "½ MSE",
            Loss::Mse => "MSE",
            Loss::Bce => "BCE",
            Loss::SoftmaxCe => "Softmax CE",
        }
        .into()
    }
    fn from_value(value: &str) -> Option<Self> {
        Loss::from_name(value)
    }
}

impl Choice for Optimizer {
    fn value(self) -> String {
        self.name().into()
    }
    fn label(self, lang: Lang) -> String {
        match self {
            Optimizer::Sgd => Text::OptimizerSgd.get(lang),
            Optimizer::Momentum => Text::OptimizerMomentum.get(lang),
            Optimizer::Rmsprop => "RMSProp",
            Optimizer::Adam => "Adam",
        }
        .into()
    }
    fn from_value(value: &str) -> Option<Self> {
        Optimizer::from_name(value)
    }
}

impl Choice for Init {
    fn value(self) -> String {
        self.name().into()
    }
    fn label(self, lang: Lang) -> String {
        match self {
            Init::Playground => Text::InitPlayground,
            Init::Normal => Text::InitNormal,
            Init::Xavier => Text::InitXavier,
            Init::He => Text::InitHe,
            Init::Zeros => Text::InitZeros,
        }
        .get(lang)
        .into()
    }
    fn from_value(value: &str) -> Option<Self> {
        Init::from_name(value)
    }
}

impl Choice for Regularization {
    fn value(self) -> String {
        self.name().into()
    }
    fn label(self, lang: Lang) -> String {
        if self == Regularization::None {
            Text::ActNone.get(lang).into()
        } else {
            self.name().into()
        }
    }
    fn from_value(value: &str) -> Option<Self> {
        Regularization::from_name(value)
    }
}

impl Choice for Speed {
    fn value(self) -> String {
        self.code()
    }
    fn label(self, lang: Lang) -> String {
        match self {
            Speed::Slow => Text::SpeedSlow,
            Speed::Epochs(1) => Text::SpeedOne,
            Speed::Epochs(10) => Text::SpeedTen,
            Speed::Epochs(_) => Text::SpeedHundred,
            Speed::Max => Text::SpeedMax,
        }
        .get(lang)
        .into()
    }
    fn from_value(value: &str) -> Option<Self> {
        Speed::from_code(value)
    }
}

/// A select of `options` with `current` chosen; `chosen` hears the option picked. Its id and
/// its accessible name are `id` and `name`.
pub(super) fn choice<T: Choice>(id: String, name: &'static str, class: &'static str, options: &[T], current: T, lang: Lang, chosen: Callback<T>) -> Html {
    let items: Vec<(String, String, bool)> = options.iter().map(|&o| (o.value(), o.label(lang), o == current)).collect();
    let onchange = Callback::from(move |e: Event| {
        if let Some(v) = T::from_value(&select_value(&e)) {
            chosen.emit(v);
        }
    });
    select(id, name, class, items, onchange)
}

/// What sends a choice as an edit of the setup.
pub(super) fn edit_with<T: 'static>(dispatch: &Callback<Action>, to: fn(T) -> Edit) -> Callback<T> {
    dispatch.reform(move |v| Action::Edit(to(v)))
}

/// The select itself, the same for every kind (written once).
fn select(id: String, name: &'static str, class: &'static str, items: Vec<(String, String, bool)>, onchange: Callback<Event>) -> Html {
    let class = (!class.is_empty()).then_some(class);
    html! {
        <select {id} {class} aria-label={name} title={class.map(|_| name)} {onchange}>
            { for items.into_iter().map(|(value, text, selected)| html! { <option {value} {selected}>{ text }</option> }) }
        </select>
    }
}
