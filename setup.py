"""Ship the top-level templates/, static/ and locale/ inside the wheel.

They stay at the top of the repository, where they are edited and where a checkout (an editable
install) reads them. A built wheel carries them as newsroom/assets/templates, .../static and
.../locale: newsroom/settings.py uses that folder when it exists. A folder of its own, rather
than newsroom/templates, keeps Django's app directories loaders and finders from finding every
file a second time while newsroom is also an app. Everything else is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
ASSETS = ("templates", "static", "locale")
TARGET = Path("newsroom", "assets")
LEFT_OUT = shutil.ignore_patterns("__pycache__", "*.py[cod]", ".*")


class BuildPyWithAssets(build_py):
    def run(self):
        super().run()
        if self.editable_mode:  # an editable install reads them from the checkout
            return
        target = Path(self.build_lib, TARGET)
        shutil.rmtree(target, ignore_errors=True)  # nothing left over from an earlier build
        for name in ASSETS:
            shutil.copytree(HERE / name, target / name, ignore=LEFT_OUT)

    def get_outputs(self, include_bytecode=True):
        outputs = super().get_outputs(include_bytecode=include_bytecode)
        target = Path(self.build_lib, TARGET)
        if target.is_dir():
            outputs += [str(path) for path in sorted(target.rglob("*")) if path.is_file()]
        return outputs


setup(cmdclass={"build_py": BuildPyWithAssets})
