#!/usr/bin/env bash
# Screening a large batch on a Slurm cluster: one array task per shard, each
# `jixiao run --shard K/N` into its own run folder on a shared file system,
# then a dependent job merges them.
#
#   sbatch deploy/slurm-array.sh /shared/reports /shared/runs
#
# Resubmitting the same command after a failure or a timeout resumes: the
# documents already in a shard's archive are not screened again. The exit
# code 1 of `jixiao run` (findings) is turned into 0 so that the merge runs.
#SBATCH --job-name=jixiao-screen
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=04:00:00
#SBATCH --output=jixiao-%A-%a.out
set -uo pipefail

REPORTS=${1:?reports folder}
RUNS=${2:?folder for the run folders}
N=${SLURM_ARRAY_TASK_COUNT:-8}
K=${SLURM_ARRAY_TASK_ID:?run with sbatch}
JIXIAO=${JIXIAO:-jixiao}

# The first task submits the merge, to start once every task has ended.
if [[ $K -eq ${SLURM_ARRAY_TASK_MIN:-0} ]]; then
  sbatch --dependency=afterany:${SLURM_ARRAY_JOB_ID} --job-name=jixiao-merge --cpus-per-task=1 --mem=2G \
    --output=jixiao-merge-%j.out \
    --wrap="$JIXIAO merge $RUNS/shard-* --out $RUNS/merged; rc=\$?; [ \$rc -le 1 ] && exit 0 || exit \$rc"
fi

"$JIXIAO" run "$REPORTS" --out "$RUNS/shard-$K" --shard "$K/$N" --jobs "${SLURM_CPUS_PER_TASK:-2}" \
  --time-limit 120 --progress lines
rc=$?
[[ $rc -le 1 ]] && exit 0 || exit $rc
