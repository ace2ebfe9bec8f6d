-- Drives Neovim's own LSP client (0.7 or later) against `node dist/server.js --stdio`, asks for a
-- hover, a definition and a completion in a note, and writes the raw LSP results as JSON.
-- Inputs come from the environment: CORPUS_LENS_SERVER, CORPUS_LENS_ROOT, CORPUS_LENS_NOTE,
-- CORPUS_LENS_POSITIONS (JSON: { hover = {line, character}, definition = ..., completion = ... }),
-- CORPUS_LENS_OUT (the file to write).

local env = function(name)
  local value = os.getenv(name)
  assert(value and value ~= '', name .. ' is not set')
  return value
end

local out = env('CORPUS_LENS_OUT')
local positions = vim.fn.json_decode(env('CORPUS_LENS_POSITIONS'))
local results = { log = {} }
local indexed = false

local function finish()
  local file = assert(io.open(out, 'w'))
  file:write(vim.fn.json_encode(results))
  file:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'corpus-lens',
    cmd = { 'node', env('CORPUS_LENS_SERVER'), '--stdio' },
    root_dir = env('CORPUS_LENS_ROOT'),
    handlers = {
      ['corpusLens/indexChanged'] = function(_, status)
        if status and status.indexing == false then indexed = true end
      end,
      ['window/logMessage'] = function(_, message)
        table.insert(results.log, message.message)
      end,
    },
  })
  assert(client_id, 'the LSP client did not start')
  vim.cmd('edit ' .. vim.fn.fnameescape(env('CORPUS_LENS_NOTE')))
  vim.lsp.buf_attach_client(0, client_id)
  assert(vim.wait(60000, function() return indexed end, 50), 'the server did not finish indexing')
  results.server = vim.lsp.get_client_by_id(client_id).server_capabilities and 'initialized' or 'unknown'

  local uri = vim.uri_from_bufnr(0)
  local function request(method, position)
    local answer = vim.lsp.buf_request_sync(0, method, { textDocument = { uri = uri }, position = position }, 10000)
    assert(answer and answer[client_id], method .. ' got no answer')
    assert(not answer[client_id].err, method .. ' failed: ' .. vim.inspect(answer[client_id].err))
    return answer[client_id].result
  end
  results.hover = request('textDocument/hover', positions.hover)
  results.definition = request('textDocument/definition', positions.definition)
  results.completion = request('textDocument/completion', positions.completion)
end)

if not ok then results.error = tostring(err) end
finish()
