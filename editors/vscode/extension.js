// Starts `escc lsp` for `.esc` files and talks to it over standard input and output: the
// findings, hovers, completions, outline and formatting all come from escc itself, so
// the editor never disagrees with `escc check`.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function esccPath() {
  return vscode.workspace.getConfiguration('escc').get('path') || 'escc';
}

async function start() {
  const command = esccPath();
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient(
    'escc',
    'escc',
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: 'file', language: 'esc' },
        { scheme: 'untitled', language: 'esc' },
      ],
    },
  );
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    // Most often escc is not installed, or not where the setting says.
    const choice = await vscode.window.showErrorMessage(
      `escc could not be started as "${command} lsp", so .esc files are coloured but not checked. ` +
        'Set "escc.path" to where escc is installed.',
      'Open the setting',
    );
    if (choice) vscode.commands.executeCommand('workbench.action.openSettings', 'escc.path');
  }
}

async function stop() {
  if (!client) return;
  const running = client;
  client = undefined;
  await running.stop();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (change) => {
      if (!change.affectsConfiguration('escc.path')) return;
      await stop();
      await start();
    }),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
