# Installed as /etc/jupyter/jupyter_server_config.py by docker/Dockerfile: defaults for a Jupyter server
# that a JupyterHub spawner starts (jupyterhub-singleuser) instead of scripts/course.sh, which passes the
# same settings itself. Options given on the command line (a spawner's --notebook-dir) win.
import os

c = get_config()  # noqa: F821 (defined by Jupyter when it loads this file)

# The notebooks import the library as ../../dist: they must be opened from /course/notebooks/{en,ja}.
c.ServerApp.root_dir = "/course/notebooks"
c.MultiKernelManager.default_kernel_name = "nsbook"
# Root is how the course runs every step (notebook 06's limits included); Jupyter refuses root unless told.
if os.getuid() == 0:
    c.ServerApp.allow_root = True

# The page the server opens: the course's start page, notebook 00, in the learner's language (LANG ja* for
# Japanese), as scripts/course.sh does. A hub's Spawner.default_url (z2jh: singleuser.defaultUrl) wins.
_locale = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
_lang = "ja" if _locale.startswith("ja") else "en"
c.ServerApp.default_url = f"/lab/tree/{_lang}/00-preflight.ipynb"
c.LabApp.default_url = c.ServerApp.default_url
