#!/usr/bin/env bash
# Rebuilds the learned backstop (domain/Risk/Model/risk-model.tsv) from the labelled sets our writers wrote apart.
# The shared dev files (dev.jsonl, dev2.jsonl) are left out, so their figures stay a held-out reading of the model.
# Besides the writers' sets it reads the lexicon's probe sets and the everyday corpus (each line labelled none): the
# hard ordinary messages that keep the model from raising a station, a letter or a knife in the kitchen.
# usage: bash tests/tools/train-risk-model.sh VERSION   (then rebuild, run the tests, and commit the file)
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${1:?usage: train-risk-model.sh VERSION (for example 2026.12.07)}"
inputs=()
for f in tests/datasets/risk/*.jsonl; do
  case "$(basename "$f")" in dev.jsonl|dev2.jsonl) continue ;; esac
  inputs+=("$f")
done
inputs+=(tests/ChatSupport.Domain.Tests/Risk/probe.jsonl tests/ChatSupport.Domain.Tests/Risk/Probes/*.jsonl tests/ChatSupport.Domain.Tests/Risk/everyday.txt)
# Questions about the service and hard negatives of the understanding sets (no category, no disclosure) are none:
# 「人と話したい」 or 「AIなの？」 must never read as danger. The shared understanding dev file is left out too.
for f in tests/datasets/understanding/*.jsonl; do
  case "$(basename "$f")" in dev.jsonl) continue ;; esac
  inputs+=("$f")
done
dotnet build bot -c Release -v q -nologo >/dev/null
dotnet bot/bin/Release/net10.0/ChatSupport.Bot.dll risk model train --version "$version" --output domain/Risk/Model/risk-model.tsv "${inputs[@]}"
