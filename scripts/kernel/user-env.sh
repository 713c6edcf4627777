# shellcheck shell=bash
# The learner's variables carried through sudo to the root kernel (sudo's env_reset drops them): proxies, so
# that the Alpine download works behind a corporate proxy. The same list as src/lib/privilege/user-env.ts
# (a test compares them). Sourced.
NSBOOK_USER_ENV=(https_proxy HTTPS_PROXY http_proxy all_proxy ALL_PROXY no_proxy NO_PROXY)

# Prints `--user-env NAME=VALUE` arguments (NUL-separated) for the carried variables that are set.
user_env_args() {
  local name
  for name in "${NSBOOK_USER_ENV[@]}"; do
    [[ -n ${!name:-} ]] && printf -- '--user-env\0%s=%s\0' "$name" "${!name}"
  done
  return 0
}

# Exports one NAME=VALUE given with --user-env, if NAME is carried; fails otherwise.
carry_user_env() {
  local name=${1%%=*} allowed
  for allowed in "${NSBOOK_USER_ENV[@]}"; do
    if [[ $name == "$allowed" && $1 == *=* ]]; then
      export "$1"
      return 0
    fi
  done
  echo "--user-env ${name}: only ${NSBOOK_USER_ENV[*]} are carried" >&2
  return 1
}
