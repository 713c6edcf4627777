# JupyterHub for a class on one lab server: every learner is a system user (PAM login) in the group
# nsbook-learners, with a JupyterLab server of their own running as them; their course kernel runs as root
# through the course's sudo rule (scripts/kernel-access.sh grant, done by classroom/learners.sh add), as on a
# learner's own machine. Started by classroom/hub.sh, which sets the NSBOOK_CLASSROOM_* variables below.
import os
import pwd
import shutil
import subprocess

checkout = os.environ["NSBOOK_CHECKOUT"]
venv_bin = os.path.join(checkout, ".venv-classroom", "bin")
state = os.environ.get("NSBOOK_CLASSROOM_STATE", os.path.join(checkout, "classroom", "state"))
port = int(os.environ.get("NSBOOK_CLASSROOM_PORT", "8600"))
ip = os.environ.get("NSBOOK_CLASSROOM_IP", "127.0.0.1")

c = get_config()  # noqa: F821 (JupyterHub's config loader provides it)

# The hub's public address is the proxy's; the hub itself and the proxy's API listen on the next ports.
c.JupyterHub.bind_url = f"http://{ip}:{port}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{port + 1}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{port + 2}"
c.ConfigurableHTTPProxy.command = [
    os.path.join(checkout, ".classroom-proxy", "node_modules", ".bin", "configurable-http-proxy")
]
c.JupyterHub.db_url = f"sqlite:///{state}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = os.path.join(state, "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = os.path.join(state, "proxy.pid")
c.JupyterHub.pid_file = os.path.join(state, "jupyterhub.pid")
# The hub's own process ends its proxy and the learners' servers when it stops (no leftovers).
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# Learners: system users in the group nsbook-learners; the instructor's accounts: NSBOOK_CLASSROOM_ADMINS.
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_groups = {"nsbook-learners"}
c.Authenticator.admin_users = set(filter(None, os.environ.get("NSBOOK_CLASSROOM_ADMINS", "").split(",")))

# Each learner's server: JupyterLab from the classroom venv, as that user, in their ~/nsbook (see below).
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [os.path.join(venv_bin, "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab/tree/nsbook/notebooks/en/00-preflight.ipynb"
c.Spawner.notebook_dir = "~"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {
    # The course's kernelspec (bin/nsbook-kernel of this checkout).
    "JUPYTER_PATH": os.path.join(checkout, ".jupyter-local"),
    "PATH": f"{venv_bin}:{os.path.dirname(shutil.which('node') or '/usr/bin/node')}:/usr/local/bin:/usr/bin:/bin",
}


def give_learner_a_course_folder(spawner):
    """~/nsbook: the learner's own, writable notebooks (copied once), beside links to this checkout's dist/ and
    node_modules/ - the notebooks import ../../dist, so they work from there and the learner can save them."""
    user = pwd.getpwnam(spawner.user.name)
    home = os.path.join(user.pw_dir, "nsbook")
    if not os.path.isdir(home):
        os.makedirs(home)
        shutil.copytree(os.path.join(checkout, "notebooks"), os.path.join(home, "notebooks"))
        for link in ("dist", "node_modules"):
            os.symlink(os.path.join(checkout, link), os.path.join(home, link))
        subprocess.run(["chown", "-hR", f"{user.pw_uid}:{user.pw_gid}", home], check=True)


c.Spawner.pre_spawn_hook = give_learner_a_course_folder
