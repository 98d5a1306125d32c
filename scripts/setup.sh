# Sourced by scripts/demo.sh and scripts/test.sh: create .venv (once) and install
# byline into it, with the extras named in $1 ("" or "[test]").
setup_venv() {
  local python="${PYTHON:-python3}"
  if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
  fi
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".$1"
}
