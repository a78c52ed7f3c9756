// Starts the module of the board and the worksheet, once its bindings (teacher.js) are in.
wasm_bindgen('./teacher_bg.wasm');
