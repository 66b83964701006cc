#!/bin/sh
# Entry point of the scheduled drift audit (the CronJob the scheduled-audit pack renders).
#
# Clones the fleet repository into an emptyDir with the credentials of the mounted Git Secret, then runs
#   calico-gitops audit --repo ... --cluster ... --in-cluster --record --push [--notify-webhook-file ...] [--sign-key ...]
# which audits this cluster with the pod's read-only ServiceAccount, appends the result to the drift log branch
# calico-gitops/audit-log and pushes that branch to origin. No secret is printed, written to the repository's
# config or passed on a command line.
#
# Environment (set by the CronJob):
#   CALICO_GITOPS_CLUSTER              cluster name (folder clusters/<name>/)
#   CALICO_GITOPS_REPO_URL             fleet repository URL (https://... or ssh)
#   CALICO_GITOPS_REF                  branch or tag to audit against (default main)
#   CALICO_GITOPS_GIT_CREDENTIALS      folder of the mounted Git Secret:
#                                        token, or username + password   (HTTPS; a kubernetes.io/basic-auth Secret works)
#                                        ssh-privatekey [+ known_hosts]  (SSH; a kubernetes.io/ssh-auth Secret works)
#   CALICO_GITOPS_NOTIFY_WEBHOOK_FILE  optional: file holding the webhook URL (mounted from the webhook Secret)
#   CALICO_GITOPS_SIGN_KEY_FILE        optional: Ed25519 private key (PKCS#8 PEM) every drift-log entry is signed with
#                                        (mounted read-only from the profile's signKeySecret)
#   CALICO_GITOPS_WATCH_INTERVAL       optional: run `audit --watch --interval <this>` (the Deployment form) instead
#                                        of one audit (the CronJob form)
#   CALICO_GITOPS_METRICS_PORT         optional, with the interval: `--metrics-port <this>` (Prometheus /metrics, /readyz)
#   CALICO_GITOPS_WORK                 optional: working folder (default /work)
#   CALICO_GITOPS_BIN                  optional: the calico-gitops launcher (default /opt/calico-gitops/calico-gitops)
set -eu

: "${CALICO_GITOPS_CLUSTER:?CALICO_GITOPS_CLUSTER is not set}"
: "${CALICO_GITOPS_REPO_URL:?CALICO_GITOPS_REPO_URL is not set}"
ref="${CALICO_GITOPS_REF:-main}"
creds="${CALICO_GITOPS_GIT_CREDENTIALS:-/etc/calico-gitops/git}"
work="${CALICO_GITOPS_WORK:-/work}"
repo="$work/repo"
log_branch="calico-gitops/audit-log"

export HOME="$work/home"
mkdir -p "$HOME"
git config --global user.name "calico-gitops audit ($CALICO_GITOPS_CLUSTER)"
git config --global user.email "calico-gitops-audit@$CALICO_GITOPS_CLUSTER.invalid"

# HTTPS: calico-gitops pushes with CALICO_GITOPS_GIT_USER/CALICO_GITOPS_GIT_TOKEN; git clones through a credential
# helper that reads the same variables, so the token never lands in a URL, a config file or the process list.
if [ -f "$creds/token" ]; then
  CALICO_GITOPS_GIT_TOKEN="$(cat "$creds/token")"
  CALICO_GITOPS_GIT_USER="$(cat "$creds/username" 2>/dev/null || echo x-access-token)"
elif [ -f "$creds/password" ]; then
  CALICO_GITOPS_GIT_TOKEN="$(cat "$creds/password")"
  CALICO_GITOPS_GIT_USER="$(cat "$creds/username" 2>/dev/null || echo x-access-token)"
fi
if [ -n "${CALICO_GITOPS_GIT_TOKEN:-}" ]; then
  export CALICO_GITOPS_GIT_TOKEN CALICO_GITOPS_GIT_USER
  git config --global credential.helper \
    '!f() { test "$1" = get && printf "username=%s\npassword=%s\n" "$CALICO_GITOPS_GIT_USER" "$CALICO_GITOPS_GIT_TOKEN"; }; f'
fi
# SSH: the key and known hosts from the Secret (copied: ssh refuses keys readable by others).
if [ -f "$creds/ssh-privatekey" ]; then
  mkdir -p "$HOME/.ssh" && chmod 700 "$HOME/.ssh"
  cp "$creds/ssh-privatekey" "$HOME/.ssh/id" && chmod 600 "$HOME/.ssh/id"
  if [ -f "$creds/known_hosts" ]; then
    cp "$creds/known_hosts" "$HOME/.ssh/known_hosts"
    export GIT_SSH_COMMAND="ssh -i $HOME/.ssh/id -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes"
  else
    export GIT_SSH_COMMAND="ssh -i $HOME/.ssh/id -o IdentitiesOnly=yes -o StrictHostKeyChecking=accept-new"
  fi
fi

rm -rf "$repo"
git clone --quiet --branch "$ref" "$CALICO_GITOPS_REPO_URL" "$repo"
# The drift log lives on its own branch; keep a local copy so the audit appends to (and compares with) its tip.
git -C "$repo" fetch --quiet origin "refs/heads/$log_branch:refs/heads/$log_branch" 2>/dev/null || true

set -- audit --repo "$repo" --cluster "$CALICO_GITOPS_CLUSTER" --ref "$ref" --in-cluster --record --push
if [ -n "${CALICO_GITOPS_NOTIFY_WEBHOOK_FILE:-}" ] && [ -f "$CALICO_GITOPS_NOTIFY_WEBHOOK_FILE" ]; then
  set -- "$@" --notify-webhook-file "$CALICO_GITOPS_NOTIFY_WEBHOOK_FILE"
fi
# Passed even when the file is missing (a Secret without the key): calico-gitops then stops with a usage error
# instead of recording unsigned entries into a signed log.
if [ -n "${CALICO_GITOPS_SIGN_KEY_FILE:-}" ]; then
  set -- "$@" --sign-key "$CALICO_GITOPS_SIGN_KEY_FILE"
fi
if [ -n "${CALICO_GITOPS_WATCH_INTERVAL:-}" ]; then
  set -- "$@" --watch --interval "$CALICO_GITOPS_WATCH_INTERVAL"
  if [ -n "${CALICO_GITOPS_METRICS_PORT:-}" ]; then
    set -- "$@" --metrics-port "$CALICO_GITOPS_METRICS_PORT"
  fi
  # The watch audits the local branch again every interval: keep it at origin's tip, as git-sync would, so a new
  # desired commit is audited without a pod restart. update-ref replaces the ref atomically (lock file and rename),
  # so an audit reads the old commit or the new one, never half of one. A failed fetch is retried next interval and
  # the audit goes on against the last commit fetched. Only a branch moves; a tag or a commit stays as cloned.
  if git -C "$repo" show-ref --verify --quiet "refs/heads/$ref"; then
    # $$ stays the audit's PID after the exec below: the loop ends with the audit.
    audit_pid=$$
    (
      while sleep "$CALICO_GITOPS_WATCH_INTERVAL" && kill -0 "$audit_pid" 2>/dev/null; do
        if git -C "$repo" fetch --quiet origin "+refs/heads/$ref:refs/remotes/origin/$ref"; then
          git -C "$repo" update-ref "refs/heads/$ref" "refs/remotes/origin/$ref"
        else
          echo "audit-entrypoint: fetching $ref failed; auditing the last commit fetched" >&2
        fi
      done
    ) &
  fi
fi
# Exit code: 0 in sync, 1 drift (the Job then shows as failed, which is what alerting on Jobs expects), 4 no access.
exec "${CALICO_GITOPS_BIN:-/opt/calico-gitops/calico-gitops}" "$@"
