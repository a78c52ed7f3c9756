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
            PaperA4 => "A4", "A4";
            PaperLetter => "Letter", "Carta";
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
