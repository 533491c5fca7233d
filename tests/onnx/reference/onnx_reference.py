#!/usr/bin/python3
"""Prints what python-onnx sees in ONNX models, as JSON, to check the TypeScript reader against.

Run with Debian's python3-onnx (apt-get install python3-onnx libonnx-testdata), as
/usr/bin/python3 (a pyenv python3 first on PATH has no onnx):

    /usr/bin/python3 tests/onnx/reference/onnx_reference.py /usr/share/libonnx-testdata/data

Arguments are model files or directories (searched recursively for *.onnx). Output: one JSON
document {"onnxVersion": ..., "models": [{"path", "model", "warningCount"} | {"path", "error"}]},
sorted by path. Each model is fully decoded by onnx.load (load_external_data=False) and walked
by the reference walk of tests/onnx/fixtures/make_fixtures.py, which applies onnx-notes §4:
initializers deduplicated by name per graph, sparse initializers (values + indices bytes),
Constant nodes (value, sparse_value, value_float(s), value_int(s)), every GRAPH/GRAPHS attribute
recursively and local functions; STRING/UNDEFINED excluded; sub-byte types packed with ceil.
Model inputs are the main graph's inputs minus its (sparse) initializer names.
"""

import json
import os
import sys

import onnx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'fixtures'))

import make_fixtures  # noqa: E402  (the shared reference walk; its main() only runs as a script)

# onnx 1.12 predates the element types 17..26; name them as onnx's later releases print them, so
# descriptions of nested types ("sequence of tensor(float8e4m3fn)") do not depend on the version.
make_fixtures.ELEM_LABEL.update({
    17: 'float8e4m3fn', 18: 'float8e4m3fnuz', 19: 'float8e5m2', 20: 'float8e5m2fnuz',
    21: 'uint4', 22: 'int4', 23: 'float4e2m1', 24: 'float8e8m0', 25: 'uint2', 26: 'int2',
})


def model_paths(args):
    paths = []
    for arg in args:
        if os.path.isdir(arg):
            for root, _dirs, files in os.walk(arg):
                paths.extend(os.path.join(root, f) for f in files if f.endswith('.onnx'))
        else:
            paths.append(arg)
    return sorted(paths)


def describe_model(path):
    try:
        model = onnx.load(path, load_external_data=False)
        result = make_fixtures.expected(model, os.path.getsize(path))
    except Exception as e:  # a model python cannot read is reported, not fatal for the others
        return {'path': path, 'error': f'{type(e).__name__}: {e}'}
    return {'path': path, **result}


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    models = [describe_model(p) for p in model_paths(argv[1:])]
    json.dump({'onnxVersion': onnx.__version__, 'models': models}, sys.stdout,
              ensure_ascii=False, separators=(',', ':'))
    sys.stdout.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
