"""The Django admin at /quan-tri/, for system admins (is_staff) only. Day-to-day work happens in
the app's own pages; the admin is the repair kit. Units are registered here too because
accounts may import units, and the admin belongs with the accounts that guard it."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from units.models import AudienceGroup, Person, Unit

admin.site.site_header = _("Quản trị hệ thống truyền thông nghị quyết")
admin.site.site_title = _("Quản trị")
admin.site.index_title = _("Dữ liệu hệ thống")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "full_name", "role", "unit", "is_active", "must_change_password"]
    list_filter = ["role", "is_active", "must_change_password"]
    search_fields = ["username", "full_name", "phone", "email"]
    autocomplete_fields = ["unit"]
    ordering = ["username"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Thông tin cá nhân"), {"fields": ["full_name", "phone", "email"]}),
        (_("Vai trò và phạm vi"), {"fields": ["role", "unit", "must_change_password"]}),
        (_("Trạng thái"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Thời điểm"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["username", "full_name", "role", "unit", "password1", "password2"],
            },
        ),
    ]
    readonly_fields = ["last_login", "date_joined"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "parent", "is_active", "is_demo"]
    list_filter = ["kind", "school_level", "organisation_type", "is_active", "is_demo"]
    search_fields = ["name", "code", "search_key"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["path", "depth", "ward"]
    list_select_related = ["parent"]


@admin.register(AudienceGroup)
class AudienceGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "ward", "order"]
    list_filter = ["ward"]
    search_fields = ["name", "code"]
    list_select_related = ["ward"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "unit", "audience_group", "position", "phone"]
    list_filter = ["audience_group__code", "gender"]
    search_fields = ["search_key", "phone", "email"]
    autocomplete_fields = ["unit", "ward"]
    list_select_related = ["unit", "audience_group"]
