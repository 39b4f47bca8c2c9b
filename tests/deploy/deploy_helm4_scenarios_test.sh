#!/usr/bin/env bash
# install, upgrade and uninstall with real Helm 4 and its kubectl against the
# Kubernetes and Docker stand-ins; the scenarios are in deploy_scenarios.sh.
source "$(dirname "$0")/deploy_scenarios.sh"
run_deploy_scenarios 4
