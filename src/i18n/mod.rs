//! The English/Spanish catalogue: every user-visible string, in the lesson's vocabulary.

pub use crate::lang::{Lang, Words};

macro_rules! catalogue {
    ($name:ident; $($key:ident => $en:expr, $es:expr;)*) => {
        /// A user-visible string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($key,)* }

        impl $name {
            /// Every string, for completeness checks.
            pub const ALL: &'static [$name] = &[$($name::$key,)*];

            /// The string in a language (a table, not a match: the page's code stays small).
            pub fn get(self, lang: Lang) -> &'static str {
                const STRINGS: &[[&str; 2]] = &[$([$en, $es],)*];
                STRINGS[self as usize][lang as usize]
            }
        }

        impl Words for $name {
            fn get(self, lang: Lang) -> &'static str {
                $name::get(self, lang)
            }
        }
    };
}

mod teacher;
pub use teacher::TeacherText;

#[macro_use]
mod views;
#[macro_use]
mod classroom;

/// The catalogue with the class loop's strings after the others.
macro_rules! catalogue_with_class {
    ($($entries:tt)*) => {
        class_strings! { catalogue { Text; $($entries)* } }
    };
}

views_strings! { catalogue_with_class {
    AppTitle => "Neurona: a neural network in your browser", "Neurona: una red neuronal en tu navegador";
    Tagline => "Tinker with a neural network right here. Every number is computed live.", "Juega con una red neuronal aquí mismo. Cada número se calcula en vivo.";
    Play => "Play", "Entrenar";
    Pause => "Pause", "Pausar";
    Step => "Step one epoch", "Avanzar una época";
    Reset => "Reset the network", "Reiniciar la red";
    Epoch => "Epoch", "Época";
    EpochWord => "epoch", "época";
    LearningRate => "Learning rate", "Tasa de aprendizaje";
    Activation => "Activation", "Función de activación";
    Regularization => "Regularization", "Regularización";
    RegularizationRate => "Regularization rate", "Tasa de regularización";
    ProblemType => "Problem type", "Tipo de problema";
    Classification => "Classification", "Clasificación";
    Regression => "Regression", "Regresión";
    Data => "Data", "Datos";
    WhichDataset => "Which dataset do you want to use?", "¿Qué conjunto de datos quieres usar?";
    LessonChanged => "You changed the lesson's setup: the caption describes it as it opened.", "Cambiaste la configuración de la lección: el texto la describe como se abrió.";
    LessonReopen => "Open the lesson again", "Abrir la lección de nuevo";
    NoHiddenLayer => "no hidden layer", "sin capa oculta";
    RatioTrainValTest => "Training, validation and test data", "Datos de entrenamiento, validación y prueba";
    RatioTrain => "Ratio of training to test data", "Proporción de datos de entrenamiento y prueba";
    Noise => "Noise", "Ruido";
    BatchSize => "Batch size", "Tamaño del lote";
    Regenerate => "Regenerate", "Regenerar";
    Features => "Features", "Características";
    WhichProperties => "Which properties do you want to feed in?", "¿Qué propiedades quieres usar como entrada?";
    HiddenLayers => "Hidden layers", "Capas ocultas";
    HiddenLayer => "Hidden layer", "Capa oculta";
    HiddenLayerWord => "hidden layer", "capa oculta";
    AddLayer => "Add a hidden layer", "Agregar una capa oculta";
    RemoveLayer => "Remove a hidden layer", "Quitar una capa oculta";
    AddNeuron => "Add a neuron", "Agregar una neurona";
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
    EditValue => "Type a new value and press Enter", "Escribe un valor nuevo y presiona Enter";
    Language => "Language", "Idioma";
    Shortcuts => "Keyboard shortcuts", "Atajos de teclado";
    TrainingControls => "Training", "Entrenamiento";
    QuickControls => "Play, step and reset", "Entrenar, avanzar y reiniciar";
    LossChart => "Loss", "Pérdida";
    LegendTraining => "training", "entrenamiento";
    LegendTest => "test", "prueba";
    LegendValidation => "validation", "validación";
    ShowShortcuts => "Keyboard shortcuts (?)", "Atajos de teclado (?)";
    SpaceKey => "Space", "Espacio";
    EnterKey => "Enter", "Enter";
    KeyPlay => "Play or pause", "Reproducir o pausar";
    KeyStep => "Train one epoch", "Entrenar una época";
    KeyReset => "Reset the network", "Reiniciar la red";
    KeyBackprop => "Open or close backprop step by step", "Abrir o cerrar retropropagación paso a paso";
    KeyBackpropStages => "In backprop step by step: previous and next stage", "En retropropagación paso a paso: etapa anterior y siguiente";
    KeyInspect => "On a neuron: inspect it", "Sobre una neurona: inspeccionarla";
    KeyHelp => "Show this list", "Mostrar esta lista";
    KeyClose => "Close this list", "Cerrar esta lista";
    SpaceNote => "After a click or a tap on a control, Space plays or pauses; a control reached with Tab keeps Space for itself.", "Tras un clic o un toque en un control, Espacio reproduce o pausa; un control al que se llega con Tab conserva Espacio para sí.";
    Speed => "Speed", "Velocidad";
    SpeedSlow => "2 epochs per second", "2 épocas por segundo";
    SpeedOne => "1 epoch per frame", "1 época por cuadro";
    SpeedTen => "10 epochs per frame", "10 épocas por cuadro";
    SpeedHundred => "100 epochs per frame", "100 épocas por cuadro";
    SpeedMax => "As fast as possible", "Lo más rápido posible";
    Performance => "Performance", "Rendimiento";
    MoreTools => "More tools", "Más herramientas";
    EpochsPerSecond => "epochs/s", "épocas/s";
    MsPerFrame => "ms per frame", "ms por cuadro";
    TrainingTime => "training in the background", "entrenamiento en segundo plano";
    PageTime => "page", "página";
    Inspector => "The neuron's arithmetic", "La aritmética de la neurona";
    HintExploding => "The gradient of layer {layer} is exploding: each step overshoots. Lower the learning rate.", "El gradiente de la capa {layer} explota: cada paso se pasa de largo. Baja la tasa de aprendizaje.";
    HintDeadLayer => "Every ReLU neuron of hidden layer {layer} is silent everywhere: no gradient flows back through it, so it cannot learn again. Reset with a smaller learning rate, use Leaky ReLU, or change the initialisation.", "Todas las neuronas ReLU de la capa oculta {layer} están apagadas en todo el plano: no pasa gradiente hacia atrás y ya no pueden aprender. Reinicia con una tasa de aprendizaje menor, usa Leaky ReLU o cambia la inicialización.";
    HintStalled => "The loss has not moved for hundreds of epochs with a large learning rate: the neurons are probably saturated. Lower the learning rate and reset.", "La pérdida no se mueve desde hace cientos de épocas con una tasa de aprendizaje grande: las neuronas probablemente están saturadas. Baja la tasa de aprendizaje y reinicia.";
    HintStuck => "The loss has not moved for hundreds of epochs, far from good: the neurons may be saturated (large initial weights) or the steps cancel out (momentum near 1). Reset with smaller initial weights or a smaller momentum.", "La pérdida no se mueve desde hace cientos de épocas y está lejos de ser buena: las neuronas pueden estar saturadas (pesos iniciales grandes) o los pasos se anulan (momento cercano a 1). Reinicia con pesos iniciales más pequeños o un momento menor.";
    BackpropStepByStep => "Backprop step by step", "Retropropagación paso a paso";
    ForwardPass => "Forward pass", "Pasada hacia adelante";
    BackwardPass => "Backward pass: the gradient", "Pasada hacia atrás: el gradiente";
    TheLoss => "The loss at this point", "La pérdida en este punto";
    TheUpdate => "The update: every weight takes a step against its gradient, scaled by the learning rate η", "La actualización: cada peso da un paso contra su gradiente, escalado por la tasa de aprendizaje η";
    AfterTheUpdate => "After the update", "Después de la actualización";
    PointLossBeforeAfter => "this point's loss before and after", "la pérdida de este punto antes y después";
    PenaltyShare => "the penalty's share λ·dR/dw is part of each weight's gradient", "la parte de la penalización λ·dR/dw va en el gradiente de cada peso";
    Penalty => "penalty", "penalización";
    LossWord => "loss", "pérdida";
    Previous => "Previous", "Anterior";
    Next => "Next", "Siguiente";
    NothingToTrain => "No training point yet.", "Aún no hay puntos de entrenamiento.";
    BackpropButton => "Backprop step by step (B)", "Retropropagación paso a paso (B)";
    MatrixProduct => "the layer as a matrix product", "la capa como producto matricial";
    MatrixExplain => "Each row of W is one neuron's weights, each column of X one point's inputs: Z = W·X + b computes every neuron for every point at once. Hover, click or tap a cell of Z to see its sum.", "Cada fila de W son los pesos de una neurona y cada columna de X las entradas de un punto: Z = W·X + b calcula todas las neuronas para todos los puntos a la vez. Pasa el cursor sobre una celda de Z, o haz clic o tócala, para ver su suma.";
    Weights => "weights", "pesos";
    Inputs => "inputs", "entradas";
    NextPoints => "Next points", "Siguientes puntos";
    TrainingPoints => "training points", "puntos de entrenamiento";
    ShowMatrix => "This layer as W·X + b", "Esta capa como W·X + b";
    SpaceButton => "See the plane as this layer sees it", "Ver el plano como lo ve esta capa";
    LandscapeButton => "Loss landscape", "Paisaje de la pérdida";
    SweepButton => "Sweep a setting", "Barrido de un ajuste";
    ByHand => "The threshold unit by hand: z = w₁·x₁ + w₂·x₂ + b, ŷ = 1 if z ≥ 0", "La unidad de umbral a mano: z = w₁·x₁ + w₂·x₂ + b, ŷ = 1 si z ≥ 0";
    XorByHand => "Try any weights: no line w₁·x₁ + w₂·x₂ + b = 0 leaves both blue corners on one side and both orange ones on the other, so the mistakes never reach 0. XOR needs a hidden layer.", "Prueba cualquier peso: ninguna recta w₁·x₁ + w₂·x₂ + b = 0 deja las dos esquinas azules de un lado y las dos naranjas del otro, así que los errores nunca llegan a 0. XOR necesita una capa oculta.";
    PerceptronStep => "Apply the perceptron rule to the next point", "Aplicar la regla del perceptrón al siguiente punto";
    Point => "Point", "Punto";
    Label => "label", "etiqueta";
    UnitSaid => "the unit said", "la unidad dijo";
    RuleMoved => "wrong, so w ← w + η(y − ŷ)x moved", "error, así que w ← w + η(y − ŷ)x movió";
    RuleRight => "right, nothing changes", "acierto, nada cambia";
    Close => "Close", "Cerrar";
    NextPoint => "Next point", "Siguiente punto";
    WeightedSum => "Weighted sum", "Suma ponderada";
    ActivationFunction => "Activation function", "Función de activación";
    TrainingPoint => "training point", "punto de entrenamiento";
    PointUnderPointer => "point under the pointer", "punto bajo el puntero";
    InspectHint => "Click a neuron (or Enter on it) to see its arithmetic", "Haz clic en una neurona (o Enter sobre ella) para ver su aritmética";
    CopyLink => "Copy link", "Copiar enlace";
    LinkCopied => "Link copied", "Enlace copiado";
    YardstickHeld => "This exercise measures its goal with its own output and loss: they stay as it set them while it is open.", "Este ejercicio mide su objetivo con su propia salida y su propia pérdida: no cambian mientras está abierto.";
    LinkNotCopied => "The browser did not allow copying: copy the address from the address bar", "El navegador no permitió copiar: copia la dirección de la barra de direcciones";
    Dismiss => "Dismiss", "Cerrar";
    LinkRepaired => "Some settings in the link were repaired:", "Se corrigieron algunos ajustes del enlace:";
    GoalShort => "Goal", "Objetivo";
    GoalMetShort => "✓ Goal met", "✓ Objetivo cumplido";
    CompareNetwork => "B's network: blue weights positive, orange negative, thicker is larger", "La red de B: pesos azules positivos, naranjas negativos; más grueso es mayor";
    MatrixSumHint => "Click or tap a cell of Z to see its sum written out.", "Haz clic o toca una celda de Z para ver su suma desglosada.";
    FileTooLarge => "{name} is {size}: the page reads files of up to {max}. Nothing was changed.", "{name} pesa {size}: la página lee archivos de hasta {max}. No se cambió nada.";
    ReadingFile => "Reading {name}: {percent}%", "Leyendo {name}: {percent}%";
    WorkerRestarted => "The part of the page that trains the network stopped answering; it was started again from the epoch shown.", "La parte de la página que entrena la red dejó de responder; se inició de nuevo desde la época que ves.";
    WorkerStopped => "Training stopped: the part of the page that trains the network did not answer, even when started again. Reload the page to go on; your setup is in the address bar.", "El entrenamiento se detuvo: la parte de la página que entrena la red no respondió, ni al iniciarla de nuevo. Recarga la página para seguir; tu configuración está en la barra de direcciones.";
    AndMore => "… and {n} more", "… y {n} más";
    FileRepaired => "Some settings in the file were repaired:", "Se corrigieron algunos ajustes del archivo:";
    Diverged => "Training diverged (a weight became NaN or infinite) and was stopped; the weights from before that epoch are kept. Try a smaller learning rate.", "El entrenamiento divergió (un peso se volvió NaN o infinito) y se detuvo; se conservan los pesos de antes de esa época. Prueba una tasa de aprendizaje menor.";
    EarlyStopped => "Early stopping: the monitored loss did not improve after epoch {best}, so training stopped at epoch {stopped} and went back to epoch {best}'s weights. Everything shown is epoch {best}'s.", "Parada temprana: la pérdida vigilada no mejoró después de la época {best}, así que el entrenamiento se detuvo en la época {stopped} y regresó a los pesos de la época {best}. Todo lo que ves es de la época {best}.";
    PanicTitle => "Something went wrong. Reload the page to start again.", "Algo salió mal. Recarga la página para empezar de nuevo.";
    PanicReload => "The page stopped so as not to show wrong numbers. Your setup is in the address bar: reloading opens it again.", "La página se detuvo para no mostrar números equivocados. Tu configuración está en la barra de direcciones: al recargar se abre de nuevo.";
    Reload => "Reload", "Recargar";
    ActNone => "None", "Ninguna";
    DatasetCircle => "Circle", "Círculo";
    DatasetXor => "XOR (quadrants)", "XOR (cuadrantes)";
    DatasetGauss => "Gaussian", "Gaussiano";
    DatasetSpiral => "Spiral", "Espiral";
    DatasetPlane => "Plane", "Plano";
    DatasetMultiGauss => "Multi Gaussian", "Gaussianas múltiples";
    DatasetOr => "Logic OR", "OR lógico";
    DatasetAnd => "Logic AND", "AND lógico";
    DatasetLogicXor => "Logic XOR", "XOR lógico";
    DatasetMoons => "Two moons", "Dos lunas";
    DatasetCheckerboard => "Checkerboard", "Tablero de ajedrez";
    DatasetBlobs => "Clusters", "Grupos";
    ThisIsOutput => "This is the output from one neuron. Hover to see it larger.", "Esta es la salida de una neurona. Pasa el cursor o tócala para verla en grande.";
    OutputAt => "Output of", "Salida de";
    TheOutput => "the whole network", "toda la red";
    Accuracy => "Accuracy", "Exactitud";
    Ignored => "ignored", "ignorado";
    OutputShort => "out", "sal.";
    ActLinear => "Linear", "Lineal";
    ActSigmoid => "Sigmoid", "Sigmoide";
    ActStep => "Step", "Escalón";
    Glossary => "Glossary", "Glosario";
    TermDataset => "Dataset D = {(xᵢ, yᵢ)}: examples split into training (fits the weights), validation (tunes and stops early) and test (measures the final model), e.g. 70/15/15.", "Conjunto de datos D = {(xᵢ, yᵢ)}: ejemplos divididos en entrenamiento (ajusta los pesos), validación (ajusta y detiene a tiempo) y prueba (mide el modelo final), p. ej. 70/15/15.";
    TermNeuron => "Neuron: f(w·x + b), a dot product of weights and inputs plus a bias, passed through an activation function.", "Neurona: f(w·x + b), el producto punto de pesos y entradas más un sesgo, pasado por una función de activación.";
    TermLayer => "Layer: W·X + b for all its neurons at once; a network composes layers: f₂(W₂ f₁(W₁X + b₁) + b₂).", "Capa: W·X + b para todas sus neuronas a la vez; una red compone capas: f₂(W₂ f₁(W₁X + b₁) + b₂).";
    TermLoss => "Loss function: how wrong one prediction is; cost function J(W): the mean loss over the data.", "Función de pérdida: qué tan errada es una predicción; función de costo J(W): la pérdida media sobre los datos.";
    TermGradient => "Gradient descent: W ← W − η ∂J/∂W, with learning rate η; stochastic uses one example per step, mini-batch a few, full batch all.", "Descenso de gradiente: W ← W − η ∂J/∂W, con tasa de aprendizaje η; estocástico usa un ejemplo por paso, mini-lote unos pocos, lote completo todos.";
    TermBackprop => "Backpropagation: the chain rule applied layer by layer from the output back, giving ∂J/∂W for every weight.", "Retropropagación: la regla de la cadena aplicada capa por capa desde la salida hacia atrás, que da ∂J/∂W para cada peso.";
    TermEpoch => "Epoch: one pass over the whole training set.", "Época: una pasada por todo el conjunto de entrenamiento.";
    TermOverfitting => "Overfitting: the training loss keeps falling while the validation loss rises; regularization, dropout and early stopping help.", "Sobreajuste: la pérdida de entrenamiento sigue bajando mientras la de validación sube; la regularización, el dropout y la parada temprana ayudan.";
    LeakySlope => "Leaky ReLU slope for z < 0", "Pendiente de Leaky ReLU para z < 0";
    MinDelta => "Smallest improvement that counts", "Mejora mínima que cuenta";
    DatasetCustom => "Your own points", "Tus propios puntos";
    DrawHint => "Click on the output to add a point of the chosen class (Shift+click: the other class of two). Or load a CSV of x1,x2,label lines in any units, up to {max} points; a first line of words names the axes.", "Haz clic en la salida para agregar un punto de la clase elegida (Shift+clic: la otra de dos). O carga un CSV con líneas x1,x2,etiqueta en cualquier unidad, hasta {max} puntos; una primera línea de palabras da nombre a los ejes.";
    DrawClass => "Class of new points", "Clase de los puntos nuevos";
    ClearPoints => "Clear points", "Borrar puntos";
    NoPointsYet => "No points yet: click here to add one, or load a CSV file.", "Aún no hay puntos: haz clic aquí para agregar uno o carga un archivo CSV.";
    LoadCsv => "Load CSV", "Cargar CSV";
    CsvIgnored => "CSV lines that are not points were skipped", "Se omitieron líneas del CSV que no son puntos";
    CsvNotThreeNumbers => "not three numbers x1, x2, label; separate them with commas, or with semicolons where decimals have commas: 2,5;7,3;1", "no son tres números x1, x2, etiqueta; sepáralos con comas, o con punto y coma si los decimales llevan coma: 2,5;7,3;1";
    CsvNotFinite => "a number that is not finite", "un número que no es finito";
    CsvNoSuchClass => "no such class", "no existe esa clase";
    CsvTooLarge => "a coordinate beyond a billion", "una coordenada de más de mil millones";
    DataScaling => "The plane shows your data in its own units. The network sees {x} from {xr} and {y} from {yr} scaled to −6 … 6.", "El plano muestra tus datos en sus propias unidades. La red ve {x} de {xr} y {y} de {yr} escalados a −6 … 6.";
    CsvEmpty => "No line of the file is a point (x1, x2, label): nothing was changed.", "Ninguna línea del archivo es un punto (x1, x2, etiqueta): no se cambió nada.";
    Line => "line", "línea";
    UndoPoints => "Undo", "Deshacer";
    PointsThinned => "The file had {total} points; the playground takes {max}, so {max} evenly spread ones were kept.", "El archivo tenía {total} puntos; Neurona admite {max}, así que se conservaron {max} repartidos por igual.";
    PointsFull => "The data already has {max} points, the most it takes: no point was added.", "Los datos ya tienen {max} puntos, el máximo: no se añadió ninguno.";
    PointsNotHere => "The link says its points, too many to travel in a link, were kept in the browser that made it; this browser does not have them.", "El enlace dice que sus puntos, demasiados para viajar en un enlace, se guardaron en el navegador que lo creó; este navegador no los tiene.";
    PointsNotKept => "These points are too many for a link, and this browser could not keep them (its storage is full or turned off): the link will not bring them back. Save them as CSV to keep them.", "Estos puntos son demasiados para un enlace y este navegador no pudo guardarlos (su almacenamiento está lleno o desactivado): el enlace no los traerá de vuelta. Guárdalos como CSV para conservarlos.";
    PointsNotInLink => "More points than a link carries: the link keeps them only in this browser. Export them as CSV to share them.", "Más puntos de los que lleva un enlace: el enlace solo los guarda en este navegador. Expórtalos como CSV para compartirlos.";
    ExportCsv => "Export CSV", "Exportar CSV";
    ExportData => "Export the data (CSV)", "Exportar los datos (CSV)";
    ExportDataHint => "Every point with its label and its set (training, validation or test), in the data's units, for a notebook", "Cada punto con su etiqueta y su conjunto (entrenamiento, validación o prueba), en las unidades de los datos, para un cuaderno";
    Points => "points", "puntos";
    OnePoint => "point", "punto";
    PointsEvenly => "evenly spread", "repartidos por igual";
    ExportModel => "Save model (JSON)", "Guardar modelo (JSON)";
    ExportKeras => "Export Keras code", "Exportar código Keras";
    ImportModel => "Open a saved model", "Abrir un modelo guardado";
    ModelLoaded => "Model loaded: its setup and trained weights are in place.", "Modelo cargado: su configuración y sus pesos entrenados están listos.";
    ModelRejected => "That file is not a Neurona model; nothing was changed", "Ese archivo no es un modelo de Neurona; no se cambió nada";
    ModelNotJson => "it is not JSON (line {line}, column {column})", "no es JSON (línea {line}, columna {column})";
    ModelMissing => "{field} is missing", "falta {field}";
    ModelUnknownName => "{field}: “{name}” is not one of its choices", "{field}: «{name}» no es una de sus opciones";
    ModelWrongKind => "{field} holds a value of the wrong kind", "{field} tiene un valor de tipo incorrecto";
    ModelVersion => "format version {version} is not one this playground reads (1 to {max})", "la versión de formato {version} no es una que Neurona lea (1 a {max})";
    ModelInconsistent => "{field}: parts of the setup do not fit together", "{field}: partes de la configuración no encajan entre sí";
    ModelLayers => "{field}: the network has {found} layers, its setup {expected}", "{field}: la red tiene {found} capas, su configuración {expected}";
    ModelInputs => "{field}: the network has {found} inputs, its setup {expected} features", "{field}: la red tiene {found} entradas, su configuración {expected} características";
    ModelLayerShape => "{field}: {found} in the weights, {expected} in the setup (inputs, neurons, activation)", "{field}: {found} en los pesos, {expected} en la configuración (entradas, neuronas, activación)";
    ModelLengths => "{field}: {found} weights and biases, its shape needs {expected}", "{field}: {found} pesos y sesgos, su forma necesita {expected}";
    ModelNotFinite => "{field}: a weight or bias is not a finite number", "{field}: un peso o sesgo no es un número finito";
    Class => "Class", "Clase";
    ConfusionCorner => "true ↓ predicted →", "real ↓ predicha →";
    ClassLegend => "Each region takes the colour of its most likely class; paler means less sure.", "Cada región toma el color de su clase más probable; más pálido significa menos seguro.";
    Beyond => "The lesson: beyond the original playground", "La lección: más allá de TensorFlow Playground";
    Lessons => "Lessons", "Lecciones";
    ShortOr => "OR", "OR";
    ShortAndByHand => "AND by hand", "AND a mano";
    ShortXorOne => "XOR, one neuron", "XOR, una neurona";
    ShortXorHidden => "XOR, hidden layer", "XOR, capa oculta";
    ShortCrossEntropy => "Cross-entropy", "Entropía cruzada";
    ShortEarlyStopping => "Early stopping", "Parada temprana";
    ShortDropout => "Dropout", "Dropout";
    ShortThreeClasses => "Three classes", "Tres clases";
    ShortExerciseXor => "XOR, fewest neurons", "XOR, pocas neuronas";
    ShortExerciseAnd => "AND weights", "Pesos de AND";
    ShortExerciseRate => "Learning rate", "Tasa de aprendizaje";
    LessonExerciseXor => "Exercise: separate XOR with the fewest neurons", "Ejercicio: separar XOR con el mínimo de neuronas";
    LessonExerciseAnd => "Exercise: find the weights of AND by hand", "Ejercicio: encontrar a mano los pesos de AND";
    LessonExerciseRate => "Exercise: a learning rate that learns AND in 20 epochs", "Ejercicio: una tasa de aprendizaje que aprenda AND en 20 épocas";
    CaptionExerciseXor => "One hidden neuron draws one line, and XOR needs more. Add neurons (at most 3 in all) until the test accuracy reaches 90%. How few are enough?", "Una neurona oculta traza una sola línea, y XOR necesita más. Agrega neuronas (a lo más 3 en total) hasta que la exactitud de prueba llegue al 90%. ¿Cuántas bastan como mínimo?";
    CaptionExerciseAnd => "No training here: type w₁, w₂ and b of the threshold unit until every test point is on its side (100%). The lecture's inputs are 0 and 1; here the points sit around ±3, so x₁ + x₂ is near −6, 0 or 6, and the lecture's b = −1.5 is too close to 0: which bias puts only (3, 3) on the positive side?", "Aquí no se entrena: escribe w₁, w₂ y b de la unidad de umbral hasta que cada punto de prueba quede de su lado (100%). En la presentación las entradas son 0 y 1; aquí los puntos están alrededor de ±3, así que x₁ + x₂ queda cerca de −6, 0 o 6, y el b = −1.5 de la presentación está demasiado cerca de 0: ¿qué sesgo deja solo a (3, 3) del lado positivo?";
    CaptionExerciseRate => "One sigmoid neuron learns AND from points spread so wide that they overlap, but with a learning rate of 0.001 it crawls. Choose a learning rate that brings the test loss to 0.3 within 20 epochs. Too large a step overshoots: watch the loss jump.", "Una neurona sigmoide aprende AND con puntos tan dispersos que se traslapan, pero con una tasa de aprendizaje de 0.001 avanza muy despacio. Elige una tasa que lleve la pérdida de prueba a 0.3 en 20 épocas. Un paso demasiado grande se pasa de largo: observa cómo salta la pérdida.";
    NextStepPlay => "Next: press ▶ (or Space) and watch the loss and the picture change.", "Siguiente: presiona ▶ (o Espacio) y observa cómo cambian la pérdida y la imagen.";
    NextStepByHand => "Next: type w₁, w₂ and b in the threshold unit under the picture; the line and the mistakes follow at once.", "Siguiente: escribe w₁, w₂ y b en la unidad de umbral bajo la imagen; la recta y los errores cambian al instante.";
    NextStepSlowPlain => "Next: press ▶ (or Space); it trains slowly, 2 epochs a second, so that every step can be followed.", "Siguiente: presiona ▶ (o Espacio); entrena despacio, 2 épocas por segundo, para poder seguir cada paso.";
    NextStepSlow => "Next: press ▶ (or Space); it trains slowly, 2 epochs a second, and a threshold unit moves its line one mistake at a time, so that every step can be followed.", "Siguiente: presiona ▶ (o Espacio); entrena despacio, 2 épocas por segundo, y una unidad de umbral mueve su recta un error a la vez, para poder seguir cada paso.";
    NextLesson => "Next lesson:", "Siguiente lección:";
    Explanations => "Explanations", "Explicaciones";
    Compare => "Compare", "Comparar";
    CompareHint => "Train a copy of this setup beside it, change the copy, and watch both learn epoch for epoch", "Entrenar una copia de esta configuración a su lado, cambiar la copia y ver cómo aprenden las dos época a época";
    CompareSetup => "B: the setup compared", "B: la configuración comparada";
    CompareShape => "Neurons per hidden layer", "Neuronas por capa oculta";
    LegendSecondTest => "B test", "B prueba";
    LegendSecondTraining => "B training", "B entrenamiento";
    LegendSecondValidation => "B validation", "B validación";
    Timeline => "Timeline: the network at an earlier epoch", "Línea de tiempo: la red en una época anterior";
    TimelineNow => "Drag to see the network at an earlier epoch (kept: {kept}).", "Arrastra para ver la red en una época anterior (guardadas: {kept}).";
    TimelineBack => "Showing epoch {epoch} of {newest}: ▶ continues training from here.", "Mostrando la época {epoch} de {newest}: ▶ sigue entrenando desde aquí.";
    ResetSame => "Restart with the same weights", "Reiniciar con los mismos pesos";
    Exercise => "Exercise", "Ejercicio";
    GoalTestLoss => "Goal: a test loss of at most {value}", "Objetivo: una pérdida de prueba de a lo más {value}";
    GoalAccuracy => "Goal: a test accuracy of at least {value}%", "Objetivo: una exactitud de prueba de al menos {value}%";
    GoalNotYet => "not met yet", "aún no se ha cumplido";
    GoalMetAt => "met at epoch {epoch} ✓", "cumplido en la época {epoch} ✓";
    GoalDone => "Done! The exercise's goal was met at epoch {epoch}. Training paused.", "¡Hecho! El objetivo del ejercicio se cumplió en la época {epoch}. El entrenamiento se pausó.";
    LimitNeurons => "at most {n} hidden neurons in all", "a lo más {n} neuronas ocultas en total";
    LimitEpochs => "at most {n} epochs", "a lo más {n} épocas";
    LimitNoEpochs => "no training: set the weights by hand", "sin entrenar: pon los pesos a mano";
    MakeExercise => "Make an exercise", "Crear un ejercicio";
    MakeExerciseHint => "From the setup as it is now: set a goal, limits and your question, and choose what students will not see; then copy the link.", "A partir de la configuración actual: pon un objetivo, límites y tu pregunta, y elige qué no verán los estudiantes; después copia el enlace.";
    GoalKind => "Goal", "Objetivo";
    GoalNone => "none", "ninguno";
    GoalValue => "Value", "Valor";
    MaxNeurons => "Hidden neurons in all, at most", "Neuronas ocultas en total, a lo más";
    MaxEpochs => "Epochs, at most", "Épocas, a lo más";
    GoalQuestion => "Your question (plain text)", "Tu pregunta (texto simple)";
    HideFromStudents => "Hide from students", "Ocultar a los estudiantes";
    ExerciseApply => "Put it in the link", "Ponerlo en el enlace";
    Cancel => "Cancel", "Cancelar";
    HoursOfStudy => "hours of study", "horas de estudio";
    PreviousGrade => "previous grade", "nota previa";
    DatasetSatellite => "Satellite: red and near-infrared", "Satélite: rojo e infrarrojo";
    RedBand => "red", "rojo";
    NirBand => "near-infrared", "infrarrojo cercano";
    DatasetPassFail => "Pass or fail: hours of study and previous grade", "Aprobación: horas de estudio y nota previa";
    Projector => "Projector", "Proyector";
    ProjectorHint => "Everything larger, for a projector (link key projector=true)", "Todo más grande, para un proyector (clave de enlace projector=true)";
    ExplanationsHint => "Short explanations in place; a teacher can hide them (link key hideText)", "Explicaciones breves en su sitio; un docente puede ocultarlas (clave de enlace hideText)";
    ExplainNetwork => "Each square is the output of one neuron over the whole plane; lines are weights (blue positive, orange negative, thicker is larger). Click a neuron to see its formula.", "Cada cuadro es la salida de una neurona sobre todo el plano; las líneas son pesos (azul positivo, naranja negativo, más grueso es mayor). Haz clic en una neurona para ver su fórmula.";
    ExplainOutput => "The background is the network's answer at every point of the plane; the dots are the data. The curve above is the loss, epoch by epoch.", "El fondo es la respuesta de la red en cada punto del plano; los puntos son los datos. La curva de arriba es la pérdida, época a época.";
    LessonOr => "OR with one neuron (perceptron)", "OR con una neurona (perceptrón)";
    LessonXorOne => "XOR with one neuron", "XOR con una neurona";
    LessonXorHidden => "XOR with a hidden layer", "XOR con una capa oculta";
    LessonCrossEntropy => "AND with a sigmoid and cross-entropy", "AND con sigmoide y entropía cruzada";
    LessonAndByHand => "AND by hand: search the weights", "AND a mano: búsqueda de pesos";
    LessonEarlyStopping => "Overfitting and early stopping", "Sobreajuste y parada temprana";
    LessonDropout => "Overfitting and dropout", "Sobreajuste y dropout";
    LessonThreeClasses => "Three classes with softmax", "Tres clases con softmax";
    CaptionOr => "A single threshold unit, step(w·x + b), trained by the perceptron rule w ← w + η(y − ŷ)x. OR is linearly separable: watch the dashed line settle and the mistakes drop to 0.", "Una sola unidad de umbral, escalón(w·x + b), entrenada con la regla del perceptrón w ← w + η(y − ŷ)x. OR es linealmente separable: observa cómo la línea punteada se asienta y los errores bajan a 0.";
    CaptionXorOne => "The same unit on XOR: no single line puts the blue corners on one side and the orange ones on the other, so the mistakes never reach 0.", "La misma unidad con XOR: ninguna línea deja las esquinas azules de un lado y las naranjas del otro, así que los errores nunca llegan a 0.";
    CaptionXorHidden => "Four tanh neurons in a hidden layer each draw a line; the output combines them into a boundary that bends around the corners. XOR is learned.", "Cuatro neuronas tanh en una capa oculta trazan cada una una línea; la salida las combina en una frontera que rodea las esquinas. XOR se aprende.";
    CaptionAndByHand => "Type w₁, w₂ and b of the threshold unit yourself until no training point is on the wrong side: AND needs both inputs high, so the bias must be low enough that one input alone does not reach 0. Then let the perceptron rule find them, one point at a time.", "Escribe tú w₁, w₂ y b de la unidad de umbral hasta que ningún punto de entrenamiento quede del lado equivocado: AND necesita las dos entradas altas, así que el sesgo debe ser tan bajo que una sola entrada no llegue a 0. Después deja que la regla del perceptrón los encuentre, punto a punto.";
    CaptionCrossEntropy => "One sigmoid neuron σ(w·x + b) gives a probability; binary cross-entropy −[y ln p + (1 − y) ln(1 − p)] punishes hard the mistakes made with confidence.", "Una neurona sigmoide σ(w·x + b) da una probabilidad; la entropía cruzada binaria −[y ln p + (1 − y) ln(1 − p)] castiga mucho los errores cometidos con mucha confianza.";
    CaptionEarlyStopping => "A big network on 50 noisy points overfits: the training loss keeps falling while the validation loss turns up. Early stopping waits 250 epochs for the validation loss to improve, then stops and goes back to the best epoch (both marked on the chart).", "Una red grande con 50 puntos con ruido se sobreajusta: la pérdida de entrenamiento sigue bajando mientras la de validación sube. La parada temprana espera 250 épocas a que la pérdida de validación mejore; luego se detiene y regresa a la mejor época (las dos marcadas en la gráfica).";
    CaptionDropout => "Network A has dropout 0.5: while training, each hidden neuron is switched off half the time, so none can rely on another. B, beside it, is the same network without dropout. At epoch 500 it pauses: A's validation loss (blue) ends lower than B's (pink).", "La red A tiene dropout 0.5: al entrenar, cada neurona oculta se apaga la mitad del tiempo, así ninguna depende de otra. B, a su lado, es la misma red sin dropout. En la época 500 se pausa: la pérdida de validación de A (azul) termina más baja que la de B (rosa).";
    CaptionThreeClasses => "Three classes: the output layer has three neurons and softmax turns them into probabilities; the heatmap shows the most likely class.", "Tres clases: la capa de salida tiene tres neuronas y softmax las convierte en probabilidades; el mapa muestra la clase más probable.";
    OutputActivation => "Output activation", "Activación de salida";
    LossFunction => "Loss function", "Función de pérdida";
    ExplainTanh => "tanh: a score in (−1, 1); its sign is the class.", "tanh: una puntuación en (−1, 1); su signo es la clase.";
    ExplainLinear => "linear: any number, for regression.", "lineal: cualquier número, para regresión.";
    ExplainSigmoid => "sigmoid: a probability p in (0, 1) of the blue class.", "sigmoide: una probabilidad p en (0, 1) de la clase azul.";
    ExplainStep => "step: the threshold unit, 0 or 1; trained by the perceptron rule when there is no hidden layer.", "escalón: la unidad de umbral, 0 o 1; se entrena con la regla del perceptrón si no hay capa oculta.";
    ExplainSoftmax => "softmax: one probability per class, summing to 1.", "softmax: una probabilidad por clase, que suman 1.";
    ExplainHalfMse => "½(ŷ − y)²: TensorFlow Playground's, so the figures match it.", "½(ŷ − y)²: la de TensorFlow Playground, así las cifras coinciden.";
    ExplainMse => "(ŷ − y)²: mean squared error.", "(ŷ − y)²: error cuadrático medio.";
    ExplainBce => "−[y ln p + (1 − y) ln(1 − p)]: binary cross-entropy.", "−[y ln p + (1 − y) ln(1 − p)]: entropía cruzada binaria.";
    ExplainSoftmaxCe => "−ln p(true class): cross-entropy over the classes.", "−ln p(clase verdadera): entropía cruzada entre clases.";
    Optimizer => "Optimizer", "Optimizador";
    OptimizerSgd => "Gradient descent", "Descenso de gradiente";
    OptimizerMomentum => "Momentum", "Momento";
    BatchPresets => "Gradient descent flavour", "Variante del descenso de gradiente";
    Stochastic => "Stochastic (1)", "Estocástico (1)";
    MiniBatch => "Mini-batch (10)", "Mini-lote (10)";
    FullBatch => "Full batch (all)", "Lote completo (todo)";
    All => "all", "todo";
    Shuffle => "Reshuffle every epoch", "Mezclar en cada época";
    Initialisation => "Initial weights", "Pesos iniciales";
    InitPlayground => "U(−0.5, 0.5) as in TensorFlow Playground", "U(−0.5, 0.5) como en TensorFlow Playground";
    InitNormal => "N(0, σ²)", "N(0, σ²)";
    InitXavier => "Glorot/Xavier", "Glorot/Xavier";
    InitHe => "He", "He";
    InitZeros => "All zeros", "Todos cero";
    ValidationData => "Validation data", "Datos de validación";
    EarlyStopping => "Early stopping", "Parada temprana";
    Patience => "Patience (epochs)", "Paciencia (épocas)";
    Monitor => "Watch", "Vigilar";
    Dropout => "Dropout", "Dropout";
    Classes => "Classes", "Clases";
    ConfusionMatrix => "Confusion matrix (test data): rows are true classes, columns predicted", "Matriz de confusión (datos de prueba): filas = clase real, columnas = predicha";
    GradientMagnitude => "Mean |gradient| per layer (log scale): vanishing or exploding?", "|Gradiente| medio por capa (escala log): ¿se desvanece o explota?";
    Mistakes => "Training points on the wrong side", "Puntos de entrenamiento del lado equivocado";
    Converged => "converged: every training point is on its side", "convergió: cada punto de entrenamiento está de su lado";
    NotConverged => "not converged", "sin converger";
    Measures => "Measures", "Medidas";
    LayerActivation => "Activation of this layer", "Activación de esta capa";
    LayerDropout => "Dropout rate of this layer", "Tasa de dropout de esta capa";
    ChoosePoint => "Point to walk through (the largest losses first)", "Punto a seguir (primero las pérdidas más grandes)";
} }

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_exists_in_both_languages() {
        fn check<W: Words>(all: &[W]) {
            for t in all {
                assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} in English");
                assert!(!t.get(Lang::Es).trim().is_empty(), "{t:?} in Spanish");
            }
            let same = all.iter().filter(|t| t.get(Lang::En) == t.get(Lang::Es)).count();
            assert!(same * 10 < all.len(), "{same} strings are not translated");
        }
        check(Text::ALL);
        check(TeacherText::ALL);
    }

    #[test]
    fn spanish_is_chosen_for_spanish_browsers() {
        assert_eq!(Lang::from_browser("es-MX"), Lang::Es);
        assert_eq!(Lang::from_browser("es"), Lang::Es);
        assert_eq!(Lang::from_browser("en-US"), Lang::En);
        assert_eq!(Lang::from_browser("pt-BR"), Lang::En);
    }
}
