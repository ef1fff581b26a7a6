#include "preview/previewprogress.h"

PreviewProgress::PreviewProgress(StopRequested stopRequested, Report report)
    : m_stopRequested(std::move(stopRequested)), m_report(std::move(report))
{}

void PreviewProgress::start(int total) const
{
    m_done = 0;
    m_total = total;
    if (m_report)
        m_report(m_done, m_total);
}

void PreviewProgress::step() const
{
    ++m_done;
    if (m_report)
        m_report(m_done, m_total);
}

Outcome PreviewProgress::stopped()
{
    return Outcome::failed(tr("Stopped: nothing was written."));
}
