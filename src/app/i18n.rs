//! The English/Spanish catalogue: every user-visible string, in the lesson's vocabulary.

use serde::{Deserialize, Serialize};

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

macro_rules! catalogue {
    ($($key:ident => $en:expr, $es:expr;)*) => {
        /// A user-visible string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Text { $($key,)* }

        impl Text {
            /// Every string, for completeness checks.
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];

            /// The string in a language.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Text::$key, Lang::En) => $en, (Text::$key, Lang::Es) => $es,)*
                }
            }
        }
    };
}

catalogue! {
    AppTitle => "Neurona: a neural network in your browser", "Neurona: una red neuronal en tu navegador";
    Tagline => "Tinker with a neural network right here. Every number is computed live.", "Juega con una red neuronal aquí mismo. Cada número se calcula en vivo.";
    Play => "Play", "Entrenar";
    Pause => "Pause", "Pausar";
    Step => "Step one epoch", "Avanzar una época";
    Reset => "Reset the network", "Reiniciar la red";
    Epoch => "Epoch", "Época";
    LearningRate => "Learning rate", "Tasa de aprendizaje";
    Activation => "Activation", "Función de activación";
    Regularization => "Regularization", "Regularización";
    RegularizationRate => "Regularization rate", "Tasa de regularización";
    ProblemType => "Problem type", "Tipo de problema";
    Classification => "Classification", "Clasificación";
    Regression => "Regression", "Regresión";
    Data => "Data", "Datos";
    WhichDataset => "Which dataset do you want to use?", "¿Qué conjunto de datos quieres usar?";
    RatioTrain => "Ratio of training to test data", "Proporción de datos de entrenamiento y prueba";
    Noise => "Noise", "Ruido";
    BatchSize => "Batch size", "Tamaño del lote";
    Regenerate => "Regenerate", "Regenerar";
    Features => "Features", "Características";
    WhichProperties => "Which properties do you want to feed in?", "¿Qué propiedades quieres usar como entrada?";
    HiddenLayers => "Hidden layers", "Capas ocultas";
    AddLayer => "Add a hidden layer", "Añadir una capa oculta";
    RemoveLayer => "Remove a hidden layer", "Quitar una capa oculta";
    AddNeuron => "Add a neuron", "Añadir una neurona";
    RemoveNeuron => "Remove a neuron", "Quitar una neurona";
    Neuron => "neuron", "neurona";
    Neurons => "neurons", "neuronas";
    Output => "Output", "Salida";
    TestLoss => "Test loss", "Pérdida de prueba";
    TrainingLoss => "Training loss", "Pérdida de entrenamiento";
    ValidationLoss => "Validation loss", "Pérdida de validación";
    ShowTestData => "Show test data", "Mostrar datos de prueba";
    Discretize => "Discretize output", "Discretizar la salida";
    Legend => "Colors show data, neuron and weight values.", "Los colores muestran los datos, las neuronas y los pesos.";
    Weight => "Weight", "Peso";
    Bias => "Bias", "Sesgo";
    EditValue => "Type a new value and press Enter", "Escribe un valor nuevo y pulsa Enter";
    Language => "Language", "Idioma";
    Speed => "Speed", "Velocidad";
    SpeedOne => "1 epoch per frame", "1 época por cuadro";
    SpeedTen => "10 epochs per frame", "10 épocas por cuadro";
    SpeedHundred => "100 epochs per frame", "100 épocas por cuadro";
    SpeedMax => "As fast as possible", "Lo más rápido posible";
    Performance => "Performance", "Rendimiento";
    EpochsPerSecond => "epochs/s", "épocas/s";
    MsPerFrame => "ms per frame", "ms por cuadro";
    TrainingTime => "training", "entrenamiento";
    GridTime => "grid", "cuadrícula";
    DrawingTime => "drawing", "dibujo";
    CopyLink => "Copy link", "Copiar enlace";
    LinkCopied => "Link copied", "Enlace copiado";
    Dismiss => "Dismiss", "Cerrar";
    LinkRepaired => "Some settings in the link were repaired:", "Se corrigieron algunos ajustes del enlace:";
    Diverged => "Training diverged (a weight became NaN or infinite) and was stopped; the weights from before that epoch are kept. Try a smaller learning rate.", "El entrenamiento divergió (un peso se volvió NaN o infinito) y se detuvo; se conservan los pesos de antes de esa época. Prueba una tasa de aprendizaje menor.";
    EarlyStopped => "Early stopping: the monitored loss stopped improving, so training stopped and the best weights were restored.", "Parada temprana: la pérdida vigilada dejó de mejorar, así que el entrenamiento se detuvo y se restauraron los mejores pesos.";
    PanicTitle => "Something went wrong. Reload the page to start again.", "Algo salió mal. Recarga la página para empezar de nuevo.";
    ActNone => "None", "Ninguna";
    DatasetCircle => "Circle", "Círculo";
    DatasetXor => "Exclusive or", "O exclusivo";
    DatasetGauss => "Gaussian", "Gaussiano";
    DatasetSpiral => "Spiral", "Espiral";
    DatasetPlane => "Plane", "Plano";
    DatasetMultiGauss => "Multi Gaussian", "Gaussianas múltiples";
    DatasetOr => "Logic OR", "OR lógico";
    DatasetAnd => "Logic AND", "AND lógico";
    DatasetLogicXor => "Logic XOR", "XOR lógico";
    DatasetMoons => "Two moons", "Dos lunas";
    DatasetCheckerboard => "Checkerboard", "Tablero de ajedrez";
    DatasetBlobs => "Blobs", "Manchas";
    ThisIsOutput => "This is the output from one neuron. Hover to see it larger.", "Esta es la salida de una neurona. Pasa el ratón para verla en grande.";
    OutputAt => "Output of", "Salida de";
    TheOutput => "the whole network", "toda la red";
    Stopped => "stopped", "detenido";
    Accuracy => "Accuracy", "Exactitud";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_exists_in_both_languages() {
        for t in Text::ALL {
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} in English");
            assert!(!t.get(Lang::Es).trim().is_empty(), "{t:?} in Spanish");
        }
        let same = Text::ALL.iter().filter(|t| t.get(Lang::En) == t.get(Lang::Es)).count();
        assert!(same * 10 < Text::ALL.len(), "{same} strings are not translated");
    }

    #[test]
    fn spanish_is_chosen_for_spanish_browsers() {
        assert_eq!(Lang::from_browser("es-MX"), Lang::Es);
        assert_eq!(Lang::from_browser("es"), Lang::Es);
        assert_eq!(Lang::from_browser("en-US"), Lang::En);
        assert_eq!(Lang::from_browser("pt-BR"), Lang::En);
    }
}
