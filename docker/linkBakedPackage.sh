#!/bin/sh
# Entry point of docker/Dockerfile: n8n loads community packages from
# <n8n folder>/nodes/node_modules/n8n-nodes-*; the n8n folder is usually a volume, so the package
# baked into the image is linked there on every start (an upgraded image replaces the link).
set -e
NODES="${N8N_USER_FOLDER:-/home/node}/.n8n/nodes/node_modules"
mkdir -p "$NODES"
ln -sfn /opt/n8n-mypit/node_modules/n8n-nodes-mypit "$NODES/n8n-nodes-mypit"
exec /docker-entrypoint.sh "$@"
