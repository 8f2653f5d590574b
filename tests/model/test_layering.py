"""The model layer never imports Qt, the UI or the commands."""

import subprocess
import sys
import textwrap


def test_model_imports_without_qt():
    # A fresh interpreter in which importing PySide6 or pyqtgraph fails outright.
    code = textwrap.dedent("""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'):
                    raise ImportError('blocked: ' + name)
        sys.meta_path.insert(0, Block())
        import pkgutil, importlib, neuron_sim.model as m
        for info in pkgutil.walk_packages(m.__path__, 'neuron_sim.model.'):
            importlib.import_module(info.name)
        bad = [n for n in sys.modules if n.split('.')[0] in ('PySide6', 'pyqtgraph')
               or n.startswith(('neuron_sim.ui', 'neuron_sim.commands'))]
        assert not bad, bad
        print('ok')
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_import_linter_contracts_hold():
    from importlinter.cli import lint_imports

    assert lint_imports() == 0
