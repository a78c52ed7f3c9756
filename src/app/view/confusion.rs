//! The confusion matrix of the newest epoch (on the test data, else the training data): the
//! first row and column name the classes by a swatch of their colour and their name; right
//! answers carry a tick, so the table reads without colour. Renders again at each frame that
//! moved the run.

use super::ctx::*;
use super::panel::use_frame;
use crate::render::colour::{class_colour, hex};

#[derive(Properties, PartialEq)]
pub(super) struct ConfusionProps {
    pub run: RunDoor,
    pub lang: Lang,
}

#[function_component(Confusion)]
pub(super) fn confusion(p: &ConfusionProps) -> Html {
    use_frame(&p.run);
    let (counts, names) = p.run.read(|r| {
        let t = r.trainer();
        let counts = t.and_then(|t| t.last.as_ref()).map(|r| r.test.as_ref().unwrap_or(&r.train).confusion.clone()).unwrap_or_default();
        let k = (counts.len() as f64).sqrt() as usize;
        (counts, (0..k).map(|i| t.map_or_else(|| i.to_string(), |t| crate::engine::naming::class_name(&t.config, i))).collect::<Vec<_>>())
    });
    let k = names.len();
    let name = |i: usize| {
        let label = names[i].clone();
        html! { <><span class="swatch" style={format!("background:{}", hex(class_colour(i, k)))}></span>{ label }</> }
    };
    html! {
        <table id={ids::CONFUSION} class={classes!("confusion", (k > 4).then_some("many"))}>
            if k > 0 {
                <tr><th scope="col" class="corner">{ Text::ConfusionCorner.get(p.lang) }</th>{ for (0..k).map(|j| html! { <th scope="col">{ name(j) }</th> }) }</tr>
                { for (0..k).map(|i| html! {
                    <tr><th scope="row">{ name(i) }</th>
                        { for (0..k).map(|j| {
                            let (class, mark) = if i == j { ("hit", "✓ ") } else { ("miss", "") };
                            html! { <td class={class}>{ format!("{mark}{}", counts[i * k + j]) }</td> }
                        }) }
                    </tr>
                }) }
            }
        </table>
    }
}
