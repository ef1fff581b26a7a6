#pragma once

#include "review/frameimages.h"

#include <QCoreApplication>

class AuditPresenter;
class FrameListModel;
class InspectorPanel;
class SessionManager;
class StageView;

// Puts a frame of the open session on the stage as commit will write it: its image (the
// latest patch of a patched frame) at its offset, the onion skin (the frames before and after
// it in the filmstrip and the anchor, each as commit writes it: moved by its own offset), the
// anchor's baseline; and its details in the inspector.
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
    // The open session's frames as commit writes them, decoded for the stage.
    FrameImages &images() { return m_images; }
    // Another run opens: no image or frame of the one before is kept.
    void reset();
    // Whether the stage showing `frameIndex` shows `changed` too (itself, or in its onion
    // skin): a change to it must be shown again.
    bool shows(int frameIndex, int changed) const;
    // Measures each frame shown for the audit's overlays too (not owned).
    void setAudit(AuditPresenter *audit) { m_audit = audit; }

private:
    struct Neighbours
    {
        int previous; // -1: none
        int next;
        int anchor;
    };
    Neighbours neighboursOf(int frameIndex) const;

    const SessionManager *m_manager;
    const FrameListModel *m_model;
    StageView *m_stage;
    InspectorPanel *m_inspector;
    FrameImages m_images;
    int m_shown = -1; // the frame on the stage
    AuditPresenter *m_audit = nullptr;
};
