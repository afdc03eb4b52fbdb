"""The channels every plan of this shape names (docs/domain.md, section III; Decree 49/2024 for the
grassroots information system). A ward may rename, reorder, retire or add its own."""

from django.utils.translation import gettext_lazy as _

# (code, label, is_digital, has_duration, has_reach)
DEFAULT_CHANNELS = [
    ("conference", _("Hội nghị"), False, False, False),
    ("thematic_session", _("Sinh hoạt chuyên đề"), False, False, False),
    ("professional_meeting", _("Sinh hoạt chuyên môn"), False, False, False),
    ("extracurricular", _("Hoạt động ngoại khóa"), False, False, False),
    ("parent_meeting", _("Họp phụ huynh"), False, False, False),
    ("residential_meeting", _("Họp tổ dân phố"), False, False, False),
    ("regular_meeting", _("Lồng ghép trong cuộc họp định kỳ"), False, False, False),
    ("loudspeaker", _("Phát thanh trên hệ thống loa"), False, True, True),
    ("notice_board", _("Bảng tin công cộng"), False, False, False),
    ("e_portal", _("Tin bài trên trang thông tin điện tử"), True, False, True),
    ("social_post", _("Bài đăng mạng xã hội, Zalo"), True, False, True),
    ("short_video", _("Video ngắn"), True, False, True),
    ("infographic", _("Infographic"), True, False, True),
    ("training", _("Lớp tập huấn, bồi dưỡng"), False, False, False),
    ("other", _("Hình thức khác"), False, False, False),
]
