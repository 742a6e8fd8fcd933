-- Neovim's own language client, driven headless, as a policy author's editor would drive
-- `escc lsp`: tests/lsp/neovim/neovim_test.sh runs it and compares what it writes with
-- transcript.golden beside it.
-- Environment: PROTOCOL, the protocol to open (tests/lsp/protocol.esc, copied with the
-- file it uses); TRANSCRIPT, where to write what the client was given. `escc` is on PATH.
local protocol = os.getenv("PROTOCOL")
local folder = vim.fn.fnamemodify(protocol, ":h")
local lines = {}
local function say(text)
  for line in (text .. "\n"):gmatch("(.-)\n") do
    table.insert(lines, (line:gsub(vim.pesc(folder), "ROOT")))
  end
end
local function finish(status)
  vim.fn.writefile(lines, os.getenv("TRANSCRIPT"))
  vim.cmd((status == 0 and "qall!" or "cquit! " .. status))
end
local wait_ms = 10000

-- The findings as the server last published them, kept raw (code, place, message) before
-- Neovim's own handler shows them.
local published = nil
local show_findings = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, context, config)
  published = result
  return show_findings(err, result, context, config)
end

-- The README's set-up. Neovim 0.7 (Debian 12's) has no vim.lsp.start or vim.fs yet: it
-- starts the client and attaches it to the buffer by hand, which is what vim.lsp.start does.
vim.g.do_filetype_lua = 1  -- Neovim 0.7 reads vim.filetype.add only when asked to
vim.cmd("filetype on")
vim.filetype.add({ extension = { esc = "esc" } })
vim.api.nvim_create_autocmd("FileType", {
  pattern = "esc",
  callback = function(args)
    if vim.lsp.start then
      vim.lsp.start({ name = "escc", cmd = { "escc", "lsp" }, root_dir = vim.fs.dirname(args.file) })
    else
      local client = vim.lsp.start_client({ name = "escc", cmd = { "escc", "lsp" },
                                            root_dir = vim.fn.fnamemodify(args.file, ":p:h") })
      vim.lsp.buf_attach_client(args.buf, client)
    end
  end,
})

local function position(line, character)
  return { textDocument = vim.lsp.util.make_text_document_params(0), position = { line = line, character = character } }
end
-- The one answer of the one server, or nil.
local function ask(method, params)
  local answers = vim.lsp.buf_request_sync(0, method, params, wait_ms)
  for _, answer in pairs(answers or {}) do
    if answer.err then error(method .. ": " .. vim.inspect(answer.err)) end
    return answer.result
  end
  return nil
end
local function place(range)
  return string.format("%d:%d-%d:%d", range.start.line + 1, range.start.character + 1, range["end"].line + 1,
                       range["end"].character + 1)
end
-- Waits for the findings of the buffer as it is now, and writes them down.
local function findings(title)
  local version = vim.lsp.util.buf_versions[vim.api.nvim_get_current_buf()]
  local arrived = vim.wait(wait_ms, function()
    return published ~= nil and (version == nil or published.version == nil or published.version >= version)
  end, 5)
  say("## " .. title)
  if not arrived then
    say("no findings arrived within " .. wait_ms .. " ms")
    return
  end
  local shown = vim.deepcopy(published.diagnostics)
  table.sort(shown, function(a, b)
    if a.range.start.line ~= b.range.start.line then return a.range.start.line < b.range.start.line end
    return a.code < b.code
  end)
  for _, finding in ipairs(shown) do
    say(string.format("%s %s %s", finding.code, place(finding.range), finding.message))
  end
  -- And what Neovim made of them: it shows as many as the server sent.
  say(string.format("(Neovim shows %d)", #vim.diagnostic.get(0)))
end
local function line_of(text)
  for number, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    if line:find(text, 1, true) then return number - 1 end
  end
  error("the protocol has no line with " .. text)
end
local function replace_line(at, text)
  published = nil
  vim.api.nvim_buf_set_lines(0, at, at + 1, false, { text })
end

local ok, problem = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(protocol))
  findings("opened")

  -- An error typed: a stage that does not exist.
  local go_to = line_of("go to stage 3")
  local written = vim.api.nvim_buf_get_lines(0, go_to, go_to + 1, false)[1]
  replace_line(go_to, (written:gsub("stage 3", "stage 9")))
  findings("after typing 'go to stage 9'")
  replace_line(go_to, written)
  findings("after putting it back")

  say("## hover on stage 1")
  local hover = ask("textDocument/hover", position(line_of('stage 1 "'), 0))
  say(hover and hover.contents.value or "no hover")

  say("## definition of 'practitioner' in stage 1")
  local level = line_of("  level practitioner")
  for _, found in ipairs(ask("textDocument/definition", position(level, 8)) or {}) do
    say(found.uri:gsub("^file://", "") .. " " .. place(found.range))
  end
  say("## definition of 'police'")
  local police = line_of("of police")
  local column = vim.api.nvim_buf_get_lines(0, police, police + 1, false)[1]:find("police", 1, true) - 1
  for _, found in ipairs(ask("textDocument/definition", position(police, column)) or {}) do
    say(found.uri:gsub("^file://", "") .. " " .. place(found.range))
  end

  say("## completion at the start of a line of stage 2")
  local completion = ask("textDocument/completion", position(line_of("  within 5 working days"), 2))
  local labels = {}
  for _, item in ipairs(completion and (completion.items or completion) or {}) do table.insert(labels, item.label) end
  say(table.concat(labels, ", "))

  say("## formatting a line written out of place")
  local within = line_of("  within 5 working days")
  replace_line(within, "        within   5 working days")
  local edits = ask("textDocument/formatting", { textDocument = vim.lsp.util.make_text_document_params(0),
                                                 options = { tabSize = 2, insertSpaces = true } })
  say(string.format("%d edit(s)", #(edits or {})))
  vim.lsp.util.apply_text_edits(edits or {}, 0, "utf-16")
  say("line " .. (within + 1) .. " is now: '" .. vim.api.nvim_buf_get_lines(0, within, within + 1, false)[1] .. "'")
  local as_on_disk = table.concat(vim.fn.readfile(protocol), "\n") ==
                     table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  say("the whole text is as escc fmt left it on disk: " .. tostring(as_on_disk))

  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
  local stopped = vim.wait(wait_ms, function() return #vim.lsp.get_active_clients() == 0 end, 10)
  say("## the server stopped when asked: " .. tostring(stopped))
end)
if not ok then
  say("## the test could not go on: " .. tostring(problem))
  finish(1)
end
finish(0)
