//! The strings of the class loop: handing in, the teacher's board, the worksheet, and the
//! pictures and animations of a run; handed to the catalogue after the views' strings.

/// Calls `$then!` with the entries given followed by these.
macro_rules! class_strings {
    ($then:ident { $($rest:tt)* }) => {
        $then! {
            $($rest)*
            Network => "Network", "Red";
            Yes => "yes", "sí";
            No => "no", "no";
            HiddenNeurons => "Hidden neurons", "Neuronas ocultas";
            TestAccuracy => "Test accuracy", "Exactitud de prueba";
            HandIn => "Hand in", "Entregar";
            HandInName => "Your name", "Tu nombre";
            HandInMake => "Make my code", "Crear mi código";
            HandInNameMissing => "Type your name first: the teacher's board lists you by it.", "Primero escribe tu nombre: el tablero del maestro te muestra con él.";
            HandInCode => "Your code", "Tu código";
            HandInCopy => "Copy code", "Copiar código";
            HandInCopied => "Copied: paste it in the class chat.", "Copiado: pégalo en el chat de la clase.";
            HandInNotCopied => "The browser did not copy it: select the code and copy it by hand.", "El navegador no lo copió: selecciona el código y cópialo a mano.";
            HandInSend => "Send this code to your teacher by any chat, or show the QR code. It holds your setup, your weights and your result; the teacher's board computes the result again from the weights.", "Manda este código a tu maestro por cualquier chat, o muestra el código QR. Contiene tu configuración, tus pesos y tu resultado; el tablero del maestro vuelve a calcular el resultado a partir de los pesos.";
            HandInQr => "QR code of your hand-in code", "Código QR de tu código de entrega";
            HandInNeurons => "hidden neurons: {n}", "neuronas ocultas: {n}";
            HandInNoRun => "There is no run to hand in yet: the setup has no test data.", "Todavía no hay un entrenamiento que entregar: la configuración no tiene datos de prueba.";
            HandInDataTooLarge => "This setup's data is too large for one code: its points do not fit in a link.", "Los datos de esta configuración son demasiado grandes para un código: sus puntos no caben en un enlace.";
            HandInTooManyWeights => "The network has {n} weights and biases; a code holds at most {max}. Use fewer neurons or inputs.", "La red tiene {n} pesos y sesgos; un código guarda a lo más {max}. Usa menos neuronas o entradas.";
            HandInTooLong => "This setup is too large for one code (at most {max} characters).", "Esta configuración es demasiado grande para un código (a lo más {max} caracteres).";
            QrTooLarge => "This is too long for one QR code that a phone can read from across a room: use the link or the code as text.", "Esto es demasiado largo para un código QR que un teléfono pueda leer desde el otro lado del salón: usa el enlace o el código como texto.";
            PageNotLoaded => "This page could not be loaded: this browser has not opened it before and there is no connection. Connect and reload; the page's setup is in the address bar.", "No se pudo cargar esta página: este navegador no la ha abierto antes y no hay conexión. Conéctate y recarga; la configuración de la página está en la barra de direcciones.";
            BoardTitle => "Class board", "Tablero de la clase";
            BoardExplain => "Paste the codes your students send, as many at once as you like, as they come from the chat. Each result is computed again from the code's weights on the exercise's own test data, so a changed code is caught. Nothing is sent anywhere: the codes stay in this browser until you clear them.", "Pega los códigos que mandan tus estudiantes, todos los que quieras a la vez, tal como llegan del chat. Cada resultado se vuelve a calcular a partir de los pesos del código con los datos de prueba del propio ejercicio, así que un código alterado se detecta. No se envía nada a ningún lado: los códigos se quedan en este navegador hasta que los borres.";
            BoardOwnExercise => "The exercise of this link (its data and limits)", "El ejercicio de este enlace (sus datos y límites)";
            BoardNoExercise => "This link sets no exercise: each code is checked on its own setup's data and goal.", "Este enlace no define un ejercicio: cada código se revisa con los datos y el objetivo de su propia configuración.";
            BoardOpenExercise => "Open the exercise", "Abrir el ejercicio";
            BoardPaste => "Codes (any text with codes in it; the board keeps at most {max})", "Códigos (cualquier texto que los contenga; el tablero guarda a lo más {max})";
            BoardFull => "The board is full: {n} codes were left out (it keeps at most {max}). Save the CSV and clear it for the next group.", "El tablero está lleno: se dejaron fuera {n} códigos (guarda a lo más {max}). Guarda el CSV y bórralo para el siguiente grupo.";
            BoardAdd => "Check the codes", "Revisar los códigos";
            BoardCsv => "Save as CSV", "Guardar como CSV";
            BoardClear => "Clear the board", "Borrar el tablero";
            BoardChecking => "Computing the results again…", "Volviendo a calcular los resultados…";
            BoardCount => "Students: {rows} · codes: {codes}", "Estudiantes: {rows} · códigos: {codes}";
            BoardName => "Name", "Nombre";
            BoardMet => "Goal met", "Objetivo cumplido";
            BoardClaimed => "Claimed", "Declarado";
            BoardRecomputed => "Computed again", "Calculado de nuevo";
            BoardNote => "Note", "Nota";
            BoardValid => "Trusted", "Confiable";
            BoardClaimedLoss => "Claimed test loss", "Pérdida de prueba declarada";
            BoardClaimedAccuracy => "Claimed test accuracy", "Exactitud de prueba declarada";
            BoardLoss => "Test loss computed again", "Pérdida de prueba calculada de nuevo";
            BoardAccuracy => "Test accuracy computed again", "Exactitud de prueba calculada de nuevo";
            BoardCodes => "codes: {n}", "códigos: {n}";
            BoardClaimDiffers => "Not trusted: the claimed result is not what the weights give (the code was changed).", "No confiable: el resultado declarado no es el que dan los pesos (el código fue alterado).";
            BoardAnotherExercise => "Not trusted: for other data or another goal than this exercise's.", "No confiable: es de otros datos u otro objetivo que los de este ejercicio.";
            BoardSetupMended => "Not trusted: the setup in the code had to be mended to be read.", "No confiable: la configuración del código tuvo que repararse para leerse.";
            BoardWeightsDoNotFit => "Not trusted: the weights do not fit the code's network.", "No confiable: los pesos no corresponden a la red del código.";
            BoardNoTestData => "The setup has no test data to compute on.", "La configuración no tiene datos de prueba con qué calcular.";
            BoardOverLimit => "Beyond the exercise's limits (neurons or epochs).", "Fuera de los límites del ejercicio (neuronas o épocas).";
            BoardOtherYardstick => "Not trusted: measured with another output or loss than this exercise's.", "No confiable: se midió con otra salida u otra pérdida que las de este ejercicio.";
            BoardImpossible => "a value no run can reach (an epoch, a loss or an accuracy): the code was made by hand", "tiene un valor que ningún entrenamiento alcanza (una época, una pérdida o una exactitud): el código se hizo a mano";
            BoardEpochDeclared => "Epoch (declared)", "Época (declarada)";
            BoardMoreErrors => "… and {n} more codes that could not be read.", "… y {n} códigos más que no se pudieron leer.";
            BoardPasteCut => "The paste was longer than the board reads at once ({max} characters): only its beginning was read. Paste the rest next.", "Lo pegado era más largo de lo que el tablero lee de una vez ({max} caracteres): solo se leyó el principio. Pega el resto después.";
            BoardNotKept => "This browser could not keep the codes (its storage is full or turned off): they are lost if the page is reloaded. Save the board as CSV.", "Este navegador no pudo guardar los códigos (su almacenamiento está lleno o desactivado): se pierden si se recarga la página. Guarda el tablero como CSV.";
            BoardEpochLimitDeclared => "Within the epoch limit by the code's own word: no board can check the epochs.", "Dentro del límite de épocas según el propio código: ningún tablero puede comprobar las épocas.";
            BoardEpochDeclaredHint => "The epoch is what the student's page declared: no board can check it, so it ranks nobody.", "La época es la que declaró la página del estudiante: ningún tablero puede comprobarla, así que no ordena a nadie.";
            BoardNotACode => "no hand-in code found in the text (codes start with NRN1.)", "no se encontró un código de entrega en el texto (los códigos empiezan con NRN1.)";
            BoardDamaged => "damaged: a character was changed or the code was cut short; ask for it again", "dañado: se cambió un carácter o el código quedó incompleto; pídelo de nuevo";
            BoardTooLong => "too long ({n} characters; a code has at most {max})", "demasiado largo ({n} caracteres; un código tiene a lo más {max})";
            WorksheetTitle => "Neurona worksheet", "Hoja de trabajo de Neurona";
            WorksheetPaper => "Paper", "Papel";
            WorksheetPrint => "Print", "Imprimir";
            PaperA4 => "A4", "A4";
            PaperLetter => "Letter", "Carta";
            WorksheetName => "Name:", "Nombre:";
            WorksheetDate => "Date:", "Fecha:";
            WorksheetTask => "The exercise", "El ejercicio";
            WorksheetDefaultQuestion => "Train the network until it meets the goal, within the limits.", "Entrena la red hasta que cumpla el objetivo, dentro de los límites.";
            WorksheetNoHidden => "one neuron, no hidden layer", "una neurona, sin capa oculta";
            WorksheetHidden => "neurons per hidden layer: {shape}", "neuronas por capa oculta: {shape}";
            WorksheetQr => "QR code that opens the exercise", "Código QR que abre el ejercicio";
            WorksheetScan => "Scan to open the exercise", "Escanea para abrir el ejercicio";
            WorksheetData => "The data you start from (test points outlined in black)", "Los datos con los que empiezas (los puntos de prueba con borde negro)";
            WorksheetWeights => "Your weights and biases", "Tus pesos y sesgos";
            WorksheetNeuron => "Hidden layer {layer}, neuron {n}", "Capa oculta {layer}, neurona {n}";
            WorksheetOutput => "Output", "Salida";
            WorksheetPredict => "Predict", "Predice";
            WorksheetObserve => "Observe", "Observa";
            WorksheetExplain => "Explain", "Explica";
            WorksheetPredictHint => "Before you train: what will the boundary look like? Will it meet the goal?", "Antes de entrenar: ¿cómo será la frontera? ¿Cumplirá el objetivo?";
            WorksheetObserveHint => "After training: the epoch, the test loss and what the picture shows.", "Después de entrenar: la época, la pérdida de prueba y lo que muestra la imagen.";
            WorksheetExplainHint => "Why did it happen? What would you change?", "¿Por qué pasó? ¿Qué cambiarías?";
            ExerciseWorksheet => "Printable worksheet", "Hoja de trabajo para imprimir";
            ExerciseBoard => "Class board for the codes", "Tablero de la clase para los códigos";
            ExerciseShareHint => "Open them in a new tab once the exercise is applied; students hand in codes that the board checks.", "Ábrelos en otra pestaña una vez aplicado el ejercicio; los estudiantes entregan códigos que el tablero revisa.";
            ExportPng => "Save picture (PNG)", "Guardar imagen (PNG)";
            ExportGif => "Save animation (GIF)", "Guardar animación (GIF)";
            GifMaking => "Drawing the frames", "Dibujando los cuadros";
            GifSaved => "Animation saved: {frames} frames, {kb} KB.", "Animación guardada: {frames} cuadros, {kb} KB.";
            GifTooFewFrames => "Train a little first: an animation needs at least {min} epochs kept, and this run has {n}.", "Primero entrena un poco: una animación necesita al menos {min} épocas guardadas, y este entrenamiento tiene {n}.";
            GifNoRun => "There is no run to animate: the setup has no data.", "No hay un entrenamiento que animar: la configuración no tiene datos.";
        }
    };
}
