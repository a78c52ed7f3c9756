//! The strings of the views no playground has (the curve, the sweep, your own feature, the
//! loss landscape, the plane as a layer sees it), kept apart: handed to the catalogue after
//! the others, so that `Text` stays one list.

/// Calls `$then!` with the catalogue's other entries followed by these.
macro_rules! views_strings {
    ($then:ident { $($rest:tt)* }) => {
        $then! {
            $($rest)*
            DatasetCurveSine => "Sine curve (one input)", "Curva seno (una entrada)";
            DatasetCurveStep => "Step (one input)", "Escalón (una entrada)";
            DatasetCurveAbs => "Absolute value (one input)", "Valor absoluto (una entrada)";
            CurveTitle => "The curve, neuron by neuron", "La curva, neurona por neurona";
            CurveExplain => "Along x (with x₂ = 0), each neuron of the last hidden layer adds its weighted output w·a(x) (thin coloured lines); with the bias (dashed) they add up to the output (thick black line). The dots are the training data.", "A lo largo de x (con x₂ = 0), cada neurona de la última capa oculta suma su salida ponderada w·a(x) (líneas delgadas de color); con el sesgo (punteado) suman la salida (línea negra gruesa). Los puntos son los datos de entrenamiento.";
            SweepTitle => "Which value is best? One setting, several trainings", "¿Qué valor es mejor? Un ajuste, varios entrenamientos";
            SweepExplain => "Each value trains a copy of this setup from the same data and, where the network keeps its shape, the same initial weights, for the same number of epochs; then their final losses are compared.", "Cada valor entrena una copia de esta configuración con los mismos datos y, si la red conserva su forma, los mismos pesos iniciales, durante las mismas épocas; luego se comparan sus pérdidas finales.";
            SweepSetting => "Setting", "Ajuste";
            SweepNeurons => "Neurons of a hidden layer", "Neuronas de una capa oculta";
            SweepLayer => "Hidden layer", "Capa oculta";
            SweepFrom => "From", "Desde";
            SweepTo => "To", "Hasta";
            SweepCount => "Values (2 to 16)", "Valores (de 2 a 16)";
            SweepEpochs => "Epochs each (1 to 10,000)", "Épocas de cada uno (de 1 a 10,000)";
            SweepRange => "From {min} to {max}; rates are spaced on a log scale.", "De {min} a {max}; las tasas se espacian en escala logarítmica.";
            SweepRun => "Run the sweep", "Hacer el barrido";
            SweepBadNumber => "Type a number in From, To, Values and Epochs.", "Escribe un número en Desde, Hasta, Valores y Épocas.";
            SweepNotASetup => "{value} is not possible with this setup.", "{value} no es posible con esta configuración.";
            SweepNoRun => "There is nothing to train: the setup has no data.", "No hay nada que entrenar: la configuración no tiene datos.";
            SweepValue => "Value", "Valor";
            SweepOpen => "Click a row to open that setup.", "Haz clic en una fila para abrir esa configuración.";
            SweepDiverged => "diverged", "divergió";
            SweepChart => "Final losses against the setting's value", "Pérdidas finales contra el valor del ajuste";
            HintButton => "Hint", "Pista";
            HintAgain => "Which way?", "¿Hacia dónde?";
            HintWorking => "Trying small changes of your setup…", "Probando cambios pequeños de tu configuración…";
            HintKnob => "Try changing {knob}.", "Intenta cambiar {knob}.";
            HintNetwork => "the hidden neurons", "las neuronas ocultas";
            HintLearningRate => "the learning rate", "la tasa de aprendizaje";
            HintRegularizationRate => "the regularization rate", "la tasa de regularización";
            HintUp => "Up: a larger value.", "Súbela: un valor más grande.";
            HintDown => "Down: a smaller value.", "Bájala: un valor más pequeño.";
            HintAdd => "Add a hidden neuron.", "Agrega una neurona oculta.";
            HintRemove => "Take a hidden neuron away.", "Quita una neurona oculta.";
            HintMeasured => "In a run of {epochs} epochs from your initial weights it gives {with}, against {without} as it is.", "En un entrenamiento de {epochs} épocas desde tus pesos iniciales da {with}, contra {without} como está.";
            HintNone => "No small change of one setting does better than your setup: train it, or press Reset for other initial weights.", "Ningún cambio pequeño de un ajuste da mejor resultado que tu configuración: entrénala, o presiona Reiniciar para tener otros pesos iniciales.";
            NeuronOff => "Switch off", "Apagar";
            NeuronOn => "Switch on", "Encender";
            NeuronFreeze => "Freeze", "Congelar";
            NeuronThaw => "Let it learn", "Dejar que aprenda";
            NeuronSwitchExplain => "Switched off, the neuron gives 0 and the picture changes at once: what the network has learned is spread over its weights, not kept in one neuron. Frozen, its weights stop changing while the others go on learning.", "Apagada, la neurona da 0 y la imagen cambia en seguida: lo que la red aprendió está repartido en sus pesos, no guardado en una sola neurona. Congelada, sus pesos dejan de cambiar mientras los demás siguen aprendiendo.";
            NeuronIsOff => "switched off", "apagada";
            NeuronIsFrozen => "frozen", "congelada";
            FormulaButton => "Your own feature: f(X₁, X₂)", "Tu propia característica: f(X₁, X₂)";
            FormulaTitle => "Your own feature", "Tu propia característica";
            FormulaExplain => "Type a formula of x1 and x2; it becomes an input of the network, with its picture. Operations: + - * / ^ and parentheses; functions: sin, cos, tan, tanh, abs, sign, floor, ceil, exp, ln, log, sqrt, min, max; constants: pi, e.", "Escribe una fórmula de x1 y x2; se vuelve una entrada de la red, con su imagen. Operaciones: + - * / ^ y paréntesis; funciones: sin, cos, tan, tanh, abs, sign, floor, ceil, exp, ln, log, sqrt, min, max; constantes: pi, e.";
            FormulaField => "Formula (at most 80 characters)", "Fórmula (a lo más 80 caracteres)";
            FormulaUse => "Use it", "Usarla";
            FormulaRemove => "Remove it", "Quitarla";
            FormulaReading => "Reading the formula…", "Leyendo la fórmula…";
            FormulaInUse => "In use: f(X₁, X₂) = {formula}", "En uso: f(X₁, X₂) = {formula}";
            FormulaDivided => "Its values go beyond ±6 on the plane, so the feature is the formula divided by {d}: it stays within ±6, as X₁ and X₂ do, and does not saturate the neurons.", "Sus valores pasan de ±6 en el plano, así que la característica es la fórmula dividida entre {d}: se queda entre −6 y 6, como X₁ y X₂, y no satura las neuronas.";
            FormulaEmpty => "Type a formula of x1 and x2, such as x1*x1 + x2*x2.", "Escribe una fórmula de x1 y x2, por ejemplo x1*x1 + x2*x2.";
            FormulaTooLong => "The formula has {n} characters; at most {max} are allowed.", "La fórmula tiene {n} caracteres; se permiten a lo más {max}.";
            FormulaSyntax => "The formula could not be read from “{near}” on. Write * between numbers and names (2*x1) and close every parenthesis.", "No se pudo leer la fórmula desde “{near}”. Escribe * entre números y nombres (2*x1) y cierra cada paréntesis.";
            FormulaEnds => "The formula ends too soon: something is missing after its last sign or parenthesis.", "La fórmula termina antes de tiempo: falta algo después de su último signo o paréntesis.";
            FormulaUnknown => "“{name}” is not x1, x2 nor one of the functions offered.", "“{name}” no es x1, x2 ni una de las funciones que se ofrecen.";
            FormulaNotOffered => "{ops}: comparisons, logic and % are not offered; use + - * / and ^.", "{ops}: no se ofrecen comparaciones, lógica ni %; usa + - * / y ^.";
            FormulaTooBig => "The formula has too many operations or parentheses inside parentheses.", "La fórmula tiene demasiadas operaciones o paréntesis dentro de paréntesis.";
            FormulaUndefined => "The formula is not a number, or is larger than 1,000,000, at x1 = {x1}, x2 = {x2}, a point of the plane.", "La fórmula no da un número, o da uno mayor que 1,000,000, en x1 = {x1}, x2 = {x2}, un punto del plano.";
            FormulaRejected => "The link's formula {formula} was not used", "No se usó la fórmula del enlace {formula}";
            LandscapeTitle => "The loss around the current weights, and the path of training", "La pérdida alrededor de los pesos actuales, y el camino del entrenamiento";
            LandscapeExplain => "Each point of the square is the network with its weights moved along two directions; its colour is the training loss there. The line is the path training took, from its start (hollow circle) to now (ring).", "Cada punto del cuadrado es la red con sus pesos movidos en dos direcciones; su color es la pérdida de entrenamiento ahí. La línea es el camino que siguió el entrenamiento, desde el inicio (círculo hueco) hasta ahora (anillo).";
            LandscapePlane => "Directions", "Direcciones";
            LandscapePrincipal => "where the path moved most", "donde más se movió el camino";
            LandscapeParameters => "two weights, the rest held", "dos pesos, los demás fijos";
            LandscapeShares => "u, v: the two directions the path moved along most ({u}% and {v}% of its spread), centred on the current weights.", "u, v: las dos direcciones en que más se movió el camino ({u}% y {v}% de su dispersión), centradas en los pesos actuales.";
            LandscapeHeld => "u, v: the two chosen parameters' values; every other weight and bias stays as it is now.", "u, v: los valores de los dos parámetros elegidos; los demás pesos y sesgos se quedan como están ahora.";
            LandscapeWaiting => "Train a few epochs: the path needs at least two earlier states in two directions.", "Entrena algunas épocas: el camino necesita al menos dos estados anteriores en dos direcciones.";
            SpaceTitle => "The plane as hidden layer {layer} sees it", "El plano como lo ve la capa oculta {layer}";
            SpaceMorph => "From the input plane (0) to the layer (1)", "Del plano de entrada (0) a la capa (1)";
            SpaceExplain => "Each point moves from its place on the plane to where the layer puts it, and the grid's lines bend with it.", "Cada punto se mueve de su lugar en el plano al lugar donde lo pone la capa, y las líneas de la cuadrícula se doblan con él.";
            SpaceTwoNeurons => "u = neuron 1, v = neuron 2 of the layer.", "u = neurona 1, v = neurona 2 de la capa.";
            SpaceOneNeuron => "u = the layer's only neuron.", "u = la única neurona de la capa.";
            SpacePrincipal => "u, v: the first two principal components of the layer's values ({u}% and {v}% of their spread).", "u, v: las dos primeras componentes principales de los valores de la capa ({u}% y {v}% de su dispersión).";
            SpaceLine => "Dashed: the output's line. The layer has bent the plane so that one straight line parts the classes.", "Punteada: la recta de la salida. La capa dobló el plano para que una sola recta separe las clases.";
        }
    };
}
