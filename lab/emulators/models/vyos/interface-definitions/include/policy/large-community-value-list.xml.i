<!-- include start from policy/community-value-list.xml.i -->
<valueHelp>
    <description>Community in format &lt;0-4294967295:0-4294967295:0-4294967295&gt;</description>
    <format>&lt;GA:LDP1:LDP2&gt;</format>
</valueHelp>
<multi/>
<constraint>
    <validator name="bgp-large-community"/>
</constraint>
        <!-- include end -->
