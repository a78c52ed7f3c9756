//! The languages of the interface, and how links and browsers name them.

use serde::{Deserialize, Serialize};

/// A catalogue's strings, each in every language of the interface.
pub trait Words: Copy + std::fmt::Debug {
    /// The string in a language.
    fn get(self, lang: Lang) -> &'static str;
}

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    En,
    /// Spanish (español).
    Es,
}

impl Lang {
    /// The code used in links (`lang=`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// Parses a link's `lang=` value.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The language for a browser's `navigator.language`: Spanish for `es*`, else English.
    pub fn from_browser(language: &str) -> Lang {
        if language.to_ascii_lowercase().starts_with("es") {
            Lang::Es
        } else {
            Lang::En
        }
    }
}
