#pragma once

#include "review/frameimages.h"

#include <QCoreApplication>

class AuditPresenter;
class FrameListModel;
class InspectorPanel;
class SessionManager;
class StageView;

// Puts a frame of the open session on the stage as commit will write it: its image (the
// latest patch of a patched frame) at its offset, the onion skin (the frame before it and the
// anchor, each moved by its own offset), the anchor's baseline; and its details in the
// inspector.
class StagePresenter
{
    Q_DECLARE_TR_FUNCTIONS(StagePresenter)

public:
    StagePresenter(const SessionManager *manager, const FrameListModel *model, StageView *stage,
                   InspectorPanel *inspector);

    // Shows the frame. The frame shown already, shown again (saved notes, a change to it or its
    // neighbours), keeps a drag in progress; another frame ends it. An unknown frame empties the
    // stage and the inspector.
    void show(int frameIndex);
    // Another run opens: no image or frame of the one before is kept.
    void reset();
    // Measures each frame shown for the audit's overlays too (not owned).
    void setAudit(AuditPresenter *audit) { m_audit = audit; }

private:
    const SessionManager *m_manager;
    const FrameListModel *m_model;
    StageView *m_stage;
    InspectorPanel *m_inspector;
    FrameImages m_images;
    int m_shown = -1; // the frame on the stage
    AuditPresenter *m_audit = nullptr;
};
