#!/usr/bin/env bash
# Packages the library chart into each service chart, then the service charts into the umbrella chart
# (`helm dependency build`, in that order: a file:// dependency is copied as it is, so its own charts/ must be
# built first). Every dependency is a file:// chart: no repository and no network is needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for chart in gateway-service st-ingest-service pricebook-service image-service crm-pipeline-service \
    field-service notification-service st-simulator identity-provider lazi; do
  helm dependency build --skip-refresh "$chart"
done
