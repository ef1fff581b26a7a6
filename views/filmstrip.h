#pragma once

#include <QListView>

class FrameListModel;

// Every frame of the run in a row of thumbnails with their status (FrameDelegate), one
// selected: the frame on the stage.
class Filmstrip : public QListView
{
    Q_OBJECT

public:
    Filmstrip(FrameListModel *model, QWidget *parent = nullptr);
};
