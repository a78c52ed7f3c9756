"""Runs the Python files Neurona exports in TensorFlow and compares what they compute with
what the engine computed from the same start (cases written by the engine's example
`keras_cases`): the predictions on the test points before training, then the weights and
the predictions after the same number of full-batch epochs.

    python scripts/keras_check.py <directory of case_NN.py and case_NN.json>

Tolerances: before training, predictions within 1e-5 (float32 rounding only); after
training, weights and predictions within 1e-4 absolute + 1e-4 relative (float32 rounding
in different orders, grown over the epochs). A setup with dropout is compared before
training only: its masks are random in both. Exits non-zero when a case is outside them.
"""
import contextlib
import io
import json
import os
import runpy
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import numpy as np  # noqa: E402

BEFORE_TOLERANCE = 1e-5
ATOL, RTOL = 1e-4, 1e-4


def excess(ours, theirs):
    """How far past the tolerance the worst entry is (<= 0 within it), and the largest error."""
    ours, theirs = np.asarray(ours, dtype=np.float64), np.asarray(theirs, dtype=np.float64)
    error = np.abs(ours - theirs)
    return float(np.max(error - (ATOL + RTOL * np.abs(ours)), initial=-1.0)), float(np.max(error, initial=0.0))


def keras_weights(model, layers):
    """The model's Dense layers in the engine's layout: rows of weights per unit, biases."""
    import keras

    dense = [l for l in model.layers if isinstance(l, keras.layers.Dense)]
    out = []
    for layer, expected in zip(dense, layers):
        kernel, bias = layer.get_weights()
        out.append((kernel.T.reshape(-1), bias))
    return out


def run_case(path):
    expected = json.load(open(path[:-3] + ".json"))
    source = open(path).read()
    names = runpy.run_path(path, run_name="neurona_export")
    test = names["TEST"]
    x_test = names["features"](test)
    report = {"name": expected["name"]}
    if expected["perceptron"]:
        predict = lambda: (x_test @ names["w"] + names["b"] >= 0).astype(np.float32)[:, None]
    else:
        model = names["model"]
        predict = lambda: np.asarray(model(x_test, training=False))
    before = predict()
    report["before"] = float(np.max(np.abs(before - np.asarray(expected["before"])), initial=0.0))
    ok = report["before"] <= BEFORE_TOLERANCE
    # Run the file as a student would, training for its EPOCHS.
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        names = runpy.run_path(path, run_name="__main__")
    if expected["random"]:
        report["after"] = "not compared (random dropout masks)"
        report["ran"] = "model.fit" in source and "test loss:" in printed.getvalue()
        ok = ok and report["ran"]
        return ok, report
    if expected["perceptron"]:
        ours = [(np.asarray(expected["layers"][0]["weights"]), np.asarray(expected["layers"][0]["biases"]))]
        theirs = [(names["w"], np.asarray([names["b"]]))]
        x_test = names["features"](names["TEST"])
        after = (x_test @ names["w"] + names["b"] >= 0).astype(np.float32)[:, None]
    else:
        model = names["model"]
        ours = [(np.asarray(l["weights"]), np.asarray(l["biases"])) for l in expected["layers"]]
        theirs = keras_weights(model, expected["layers"])
        after = np.asarray(model(x_test, training=False))
    worst, largest = -1.0, 0.0
    for (w, b), (kw, kb) in zip(ours, theirs):
        for a, k in ((w, kw), (b, kb)):
            e, m = excess(a, k)
            worst, largest = max(worst, e), max(largest, m)
    e, m = excess(expected["after"], after)
    report["weights"], report["predictions"] = largest, m
    ok = ok and worst <= 0 and e <= 0 and len(ours) == len(theirs)
    return ok, report


def main():
    directory = sys.argv[1]
    cases = sorted(f for f in os.listdir(directory) if f.endswith(".py"))
    if not cases:
        sys.exit(f"no cases in {directory}")
    failed = 0
    print(f"{'setup':40} {'before':>9} {'weights':>9} {'predictions':>11}")
    for case in cases:
        try:
            ok, r = run_case(os.path.join(directory, case))
        except Exception as e:  # a file that does not run is a failure, named
            ok, r = False, {"name": case, "before": float("nan"), "error": repr(e)}
        failed += not ok
        if "error" in r:
            line = f"{r['name']:40} error: {r['error']}"
        elif isinstance(r.get("after"), str):
            line = f"{r['name']:40} {r['before']:9.1e} {r['after']}"
        else:
            line = f"{r['name']:40} {r['before']:9.1e} {r['weights']:9.1e} {r['predictions']:11.1e}"
        print(("ok   " if ok else "FAIL ") + line)
    print(f"{len(cases) - failed} of {len(cases)} setups train in TensorFlow as in Neurona")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
