//! A layer as a matrix product: W (one row per neuron), X (one column per point), b,
//! Z = W·X + b and A = f(Z), with the numbers of the engine filled in by the frame loop;
//! hovering, clicking or tapping a cell of Z shows its sum written out.

use super::*;
use crate::live::ids;

pub(super) fn matrix_view(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    let Some(layer) = s.matrix else { return html! {} };
    let output = layer == s.config.network.hidden.len() + 1;
    let title = if output { ctx.t(Text::Output).to_string() } else { format!("{} {layer}", ctx.t(Text::HiddenLayer)) };
    let next = {
        let live = ctx.live.clone();
        Callback::from(move |_: MouseEvent| live.borrow_mut().next_matrix_points())
    };
    // A cell of Z clicked or tapped: its sum (the cell's title) is written under the product.
    let show_sum = Callback::from(|e: MouseEvent| {
        let cell = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("td").ok().flatten());
        if let Some(sum) = cell.and_then(|td| td.get_attribute("title")) {
            crate::live::dom::set_text("matrix-sum", &sum);
        }
    });
    let block = |id: &'static str, name: &'static str, text: Text| {
        html! {
            <figure class="matrix">
                <figcaption>{ name }<span class="what">{ format!(" · {}", ctx.t(text)) }</span></figcaption>
                <table id={id} class="numbers"></table>
            </figure>
        }
    };
    html! {
        <section id={ids::MATRIX} class="matrix-view" aria-label={ctx.t(Text::MatrixProduct)}>
            <div class="inspector-head">
                <h3>{ format!("{} · {}", title, ctx.t(Text::MatrixProduct)) }</h3>
                <button id="matrix-close" class="round small" aria-label={ctx.t(Text::Close)} title={ctx.t(Text::Close)}
                    onclick={ctx.send(Action::ShowMatrix(None))}>{ "×" }</button>
            </div>
            <p class="explain">{ ctx.t(Text::MatrixExplain) }</p>
            <div class="matrix-row">
                { block(ids::MATRIX_W, "W", Text::Weights) }
                <span class="op">{ "·" }</span>
                { block(ids::MATRIX_X, "X", Text::Inputs) }
                <span class="op">{ "+" }</span>
                { block(ids::MATRIX_B, "b", Text::Bias) }
                <span class="op">{ "=" }</span>
                <div onclick={show_sum}>{ block(ids::MATRIX_Z, "Z", Text::WeightedSum) }</div>
                <span class="op">{ "→" }</span>
                { block(ids::MATRIX_A, "A = f(Z)", Text::ActivationFunction) }
            </div>
            <p id="matrix-sum" class="formula" aria-live="polite">{ ctx.t(Text::MatrixSumHint) }</p>
            <p class="inspector-point"><span id={ids::MATRIX_POINTS}></span>
                <button id="matrix-next" class="tool" onclick={next}>{ ctx.t(Text::NextPoints) }</button></p>
        </section>
    }
}
