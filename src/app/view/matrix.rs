//! A layer as a matrix product: W (one row per neuron), X (one column per point), b,
//! Z = W·X + b and A = f(Z), every number from the engine, each matrix as a table and as
//! JSON rows in `data-values`; hovering, clicking or tapping a cell of Z shows its sum
//! written out. The panel keeps its own cursor (the first of the four points) and renders
//! again at each frame that moved the run.

use super::ctx::*;
use super::panel::use_frame;
use crate::engine::Config;

pub(super) fn matrix_view(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    let Some(layer) = s.matrix else { return html! {} };
    let run = ctx.run.clone();
    let config = Rc::new(s.config.clone());
    html! { <MatrixPanel {run} {layer} {config} lang={s.lang} on_close={ctx.send(Action::Panel(Panel::Matrix(None)))} /> }
}

#[derive(Properties, PartialEq)]
pub(super) struct MatrixProps {
    run: RunDoor,
    layer: LayerNo,
    config: Rc<Config>,
    lang: Lang,
    on_close: Callback<MouseEvent>,
}

use super::vector_sum::PICTURED;

/// A number to two decimals with a true minus sign, as a matrix cell shows it.
fn short(v: Real) -> String {
    let t = format!("{v:.2}");
    match t.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        Some(rest) => format!("−{rest}"),
        None => t,
    }
}

#[function_component(MatrixPanel)]
pub(super) fn matrix_panel(p: &MatrixProps) -> Html {
    use_frame(&p.run);
    let offset = use_state(|| 0usize);
    let sum = use_state(|| None::<String>);
    let t = |text: Text| text.get(p.lang);
    let output = p.layer == LayerNo::of(p.config.network.hidden.len());
    let title = if output { t(Text::Output).to_string() } else { format!("{} {}", t(Text::HiddenLayer), p.layer) };
    let numbers = p.layer.index().and_then(|layer| p.run.read(|r| r.teaching(Some(&p.config)).and_then(|t| t.layer_product(layer, *offset))));
    let next = {
        let (offset, sum) = (offset.clone(), sum.clone());
        Callback::from(move |_: MouseEvent| {
            offset.set(*offset + 4);
            sum.set(None);
        })
    };
    let table = |id: &'static str, rows: &[Vec<Real>], cell: &dyn Fn(usize, usize, Real) -> Html| {
        html! {
            <table id={id} class="numbers" data-values={crate::app::json::rows(rows)}>
                { for rows.iter().enumerate().map(|(r, row)| html! { <tr>{ for row.iter().enumerate().map(|(c, v)| cell(r, c, *v)) }</tr> }) }
            </table>
        }
    };
    let plain = |_: usize, _: usize, v: Real| html! { <td>{ short(v) }</td> };
    let block = |id: &'static str, name: &'static str, text: Text, rows: &[Vec<Real>], cell: &dyn Fn(usize, usize, Real) -> Html| {
        html! {
            <figure class="matrix">
                <figcaption>{ name }<span class="what">{ format!(" · {}", t(text)) }</span></figcaption>
                { table(id, rows, cell) }
            </figure>
        }
    };
    let (body, points) = match &numbers {
        Some((m, chosen, total)) => {
            let bias_rows: Vec<Vec<Real>> = m.b.iter().map(|&b| vec![b]).collect();
            // The lecture's way: (2·−2) + (5·−2) + (2·0) + b = −14.
            let written = |r: usize, c: usize, v: Real| {
                let terms: Vec<String> = m.w[r].iter().zip(&m.x).map(|(w, x)| format!("({}·{})", short(*w), short(x[c]))).collect();
                if terms.len() > PICTURED {
                    let products: Real = m.w[r].iter().zip(&m.x).map(|(w, x)| w * x[c]).sum();
                    return format!("Σ wᵢ·xᵢ ({} {}) + b = {} + {} = {}", terms.len(), t(Text::Inputs), short(products), short(m.b[r]), short(v));
                }
                format!("{} + {} = {}", terms.join(" + "), short(m.b[r]), short(v))
            };
            let z_cell = |r: usize, c: usize, v: Real| {
                let text = written(r, c, v);
                let sum = sum.clone();
                let shown = text.clone();
                html! { <td title={text} onclick={Callback::from(move |_: MouseEvent| sum.set(Some(shown.clone())))}>{ short(v) }</td> }
            };
            let which: Vec<String> = chosen.iter().map(|i| (i + 1).to_string()).collect();
            // Images read by the first layer: W's rows and X's columns as pictures.
            let pictured = m.x.len() > PICTURED;
            let pictures = |id: &'static str, name: &'static str, text: Text, rows: Vec<Vec<Real>>, names: Vec<String>| {
                html! {
                    <figure class="matrix">
                        <figcaption>{ name }<span class="what">{ format!(" · {}", t(text)) }</span></figcaption>
                        <super::vector_sum::RowPictures {id} {rows} {names} />
                    </figure>
                }
            };
            let (w_block, x_block) = if pictured {
                let columns: Vec<Vec<Real>> = (0..chosen.len()).map(|c| m.x.iter().map(|x| x[c]).collect()).collect();
                let w_names = (1..=m.w.len()).map(|j| format!("{} {j}", t(Text::Neuron))).collect();
                let x_names = chosen.iter().map(|i| format!("{} {}", t(Text::TrainingImage), i + 1)).collect();
                (pictures(ids::MATRIX_W, "W", Text::Weights, m.w.clone(), w_names), pictures(ids::MATRIX_X, "X", Text::Inputs, columns, x_names))
            } else {
                (block(ids::MATRIX_W, "W", Text::Weights, &m.w, &plain), block(ids::MATRIX_X, "X", Text::Inputs, &m.x, &plain))
            };
            let body = html! {
                <div class="matrix-row">
                    { w_block }
                    <span class="op">{ "·" }</span>
                    { x_block }
                    <span class="op">{ "+" }</span>
                    { block(ids::MATRIX_B, "b", Text::Bias, &bias_rows, &plain) }
                    <span class="op">{ "=" }</span>
                    { block(ids::MATRIX_Z, "Z", Text::WeightedSum, &m.z, &z_cell) }
                    <span class="op">{ "→" }</span>
                    { block(ids::MATRIX_A, "A = f(Z)", Text::ActivationFunction, &m.a, &plain) }
                </div>
            };
            (body, format!("{}: {} / {total}", t(Text::TrainingPoints), which.join(", ")))
        }
        None => (html! {}, String::new()),
    };
    html! {
        <section id={ids::MATRIX} class="matrix-view" aria-label={t(Text::MatrixProduct)}>
            <div class="inspector-head">
                <h3>{ format!("{} · {}", title, t(Text::MatrixProduct)) }</h3>
                <button id="matrix-close" class="round small" aria-label={t(Text::Close)} title={t(Text::Close)}
                    onclick={p.on_close.clone()}>{ "×" }</button>
            </div>
            <p class="explain">{ t(Text::MatrixExplain) }</p>
            { body }
            <p id="matrix-sum" class="formula" aria-live="polite">{ sum.as_deref().unwrap_or(t(Text::MatrixSumHint)).to_string() }</p>
            <p class="inspector-point"><span id={ids::MATRIX_POINTS}>{ points }</span>
                <button id="matrix-next" class="tool" onclick={next}>{ t(Text::NextPoints) }</button></p>
        </section>
    }
}
