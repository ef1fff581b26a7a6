#pragma once

#include "session/directorsession.h"

#include <QImage>
#include <QWidget>

#include <functional>

class QLabel;
class QTreeWidget;

// The inspector's list of a frame's patches, newest first: each with thumbnails of the image it
// was made on, the patched image and its mask (small, nearest neighbour), its prompt and when it
// was made; the patch the frame ships now is marked "current" (none after Revert to Original).
// Hidden for a frame with no patch. The images come through a loader the window sets (the run's
// confined loader, ImageLoader::loadFromRun).
class PatchHistoryView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int thumbnailSize = 48;
    enum Column
    {
        Number,
        Original,
        Patched,
        Mask,
        Prompt,
        Time,
    };
    // Each row's patch number (1 the first) in Number's Qt::UserRole; its thumbnails, as shown,
    // in Original's, Patched's and Mask's; whether it is the current one in Number's CurrentRole.
    static constexpr int CurrentRole = Qt::UserRole + 1;

    explicit PatchHistoryView(QWidget *parent = nullptr);

    // The image a session names (run-relative, untrusted); null when it cannot be read.
    using Loader = std::function<QImage(const QString &storedPath)>;
    void setLoader(Loader loader) { m_loader = std::move(loader); }

    void showFrame(const DirectorFrameState &frame);
    void clear();
    QTreeWidget *list() const { return m_list; }
    // A thumbnail as shown: row 0 is the newest patch.
    QImage thumbnail(int row, Column column) const;
    // `image` at thumbnail size (nearest neighbour, its aspect kept); a thumbnail stays as it is.
    static QImage thumbnailOf(const QImage &image);

private:
    void addEntry(const PatchHistoryEntry &entry, int number, bool current);
    QImage load(const QString &path) const;

    QLabel *m_label;
    QTreeWidget *m_list;
    Loader m_loader;
};
