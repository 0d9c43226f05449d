import type { StepRunner } from './step-runner.js'
import { listedFiles } from './tracking-steps.js'

const MODEL_FILE = 'model.pkl'

/**
 * A model directory as `log_model` writes it: MLmodel plus a small model file. The model file holds
 * multi-byte UTF-8 (what a string body can carry), so a re-encoding proxy would show in the comparison.
 */
export function modelFiles(runId: string, createdAt: Date): Record<string, string> {
  return {
    MLmodel: [
      'artifact_path: model',
      'flavors:',
      '  python_function:',
      '    loader_module: contractwright_probe',
      '    python_version: 3.11.9',
      `run_id: ${runId}`,
      `utc_time_created: '${createdAt.toISOString().replace('T', ' ').replace('Z', '')}'`,
      '',
    ].join('\n'),
    'model.pkl': 'contractwright probe model: coef=[0.5, -0.25] intercept=0.1 µ=0.02 ✓\n',
  }
}

/**
 * Uploads the files below `<dir>` with raw PUTs, lists the directory back and downloads `model.pkl`,
 * all through {MLFLOW_TRACKING_URI}/api/2.0/mlflow-artifacts/artifacts, as the MLflow client does.
 */
export async function uploadModel(run: StepRunner, dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const artifactPath = `${dir}/${name}`
    await run.artifacts('uploadMlflowArtifact', artifactPath, {
      path: { artifact_path: artifactPath }, headers: { 'content-type': 'application/octet-stream' }, rawBody: content,
    })
  }
  const listing = await run.artifacts('listMlflowArtifacts', undefined, { query: { path: dir } })
  const listed = listedFiles(listing.response.json)
  for (const [name, content] of Object.entries(files)) {
    const entry = listed.find((f) => f.path === name || f.path.endsWith(`/${name}`))
    if (!entry) run.fail(listing, `the listing of ${dir} lacks ${name} (listed: ${listed.map((f) => f.path).join(', ') || 'nothing'})`)
    const bytes = Buffer.byteLength(content)
    if (entry.size !== undefined && entry.size !== bytes) run.fail(listing, `${name} is listed with file_size ${entry.size}, uploaded ${bytes} bytes`)
  }
  // The binary file: MLflow serves MLmodel as text/plain, which the contract does not declare (yet).
  const name = MODEL_FILE in files ? MODEL_FILE : Object.keys(files)[0]!
  const artifactPath = `${dir}/${name}`
  const download = await run.artifacts('downloadMlflowArtifact', artifactPath, { path: { artifact_path: artifactPath } })
  const [got, sent] = [Buffer.from(download.response.text), Buffer.from(files[name]!)]
  if (!got.equals(sent)) run.fail(download, `downloaded ${name} is not byte-identical to the upload (${got.length} vs ${sent.length} bytes)`)
}
