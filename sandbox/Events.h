#pragma once

#include "ParamReader.h"
#include "SandboxState.h"

namespace konbini::sandbox {

// GET /v1/events and /v1/events/{id}: newest first, filtered by `type` (with `*` wildcards) or
// `types[]` (not both), `created[…]`, with cursors.
class Events
{
public:
    explicit Events(const SandboxState &state) : m_state(state) {}

    QJsonObject list(const ParamReader &params) const;
    QJsonObject retrieve(const QString &id) const;

private:
    const SandboxState &m_state;
};

} // namespace konbini::sandbox
